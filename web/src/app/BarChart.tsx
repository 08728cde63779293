import { useId } from 'react';

export interface Bar {
  label: string;
  value: number | undefined;
}

const rowHeight = 34;
const labelWidth = 190;
const barSpace = 330;
const width = labelWidth + barSpace + 60;

/**
 * A small horizontal bar chart in SVG. Screen readers get the same numbers as one sentence
 * through the image's accessible name; the picture is for the eye.
 */
export function BarChart({ title, bars, summary }: { title: string; bars: Bar[]; summary: string }) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const height = bars.length * rowHeight + 8;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{`${title}: ${summary}`}</title>
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const barWidth = bar.value ? Math.max(2, (bar.value / max) * barSpace) : 0;
        return (
          <g key={bar.label} aria-hidden="true">
            <text x={labelWidth - 10} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle" className="bar-chart__label">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y + 5} width={barWidth} height={rowHeight - 10} rx={3} className="bar-chart__bar" />
            <text x={labelWidth + barWidth + 8} y={y + rowHeight / 2} dominantBaseline="middle" className="bar-chart__value">
              {bar.value ?? '…'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
