import { useEffect, useId, useRef, useState } from 'react';

export interface Bar {
  label: string;
  value: number | undefined;
}

const rowHeight = 32;
const valueSpace = 48;

/** The drawing follows its container's width in pixels, so its text stays readable on a phone. */
function useWidth(initial: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * A small horizontal bar chart in SVG. Screen readers get the same numbers as one sentence
 * through the image's accessible name; the picture is for the eye.
 */
export function BarChart({ title, bars, summary }: { title: string; bars: Bar[]; summary: string }) {
  const titleId = useId();
  const { ref, width } = useWidth(480);
  // On a narrow screen each label goes above its bar rather than beside it.
  const stacked = width < 400;
  const labelWidth = stacked ? 0 : Math.min(180, Math.round(width * 0.4));
  const barSpace = Math.max(20, width - labelWidth - valueSpace);
  const rowStep = stacked ? rowHeight + 18 : rowHeight;
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const height = bars.length * rowStep + 8;
  return (
    <div ref={ref} className="bar-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{`${title}: ${summary}`}</title>
        {bars.map((bar, index) => {
          const top = index * rowStep + 4;
          const y = stacked ? top + 18 : top;
          const barWidth = bar.value ? Math.max(2, (bar.value / max) * barSpace) : 0;
          return (
            <g key={bar.label} aria-hidden="true">
              <text
                x={stacked ? 0 : labelWidth - 10}
                y={stacked ? top + 10 : y + rowHeight / 2}
                textAnchor={stacked ? 'start' : 'end'}
                dominantBaseline="middle"
                className="bar-chart__label"
              >
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
    </div>
  );
}
