import { Button, Field, Heading, Label, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { MapTabs } from './MapTabs';

interface ViewNode {
  id: string;
  elementRef?: string;
  type: string;
  label?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  children: ViewNode[];
}
interface ViewDetail {
  id: string;
  name: string;
  documentation: string;
  nodes: ViewNode[];
  connections: { id: string; source: string; target: string; type: string }[];
  elements: Record<string, { name: string; type: string; kind: string; id: string }>;
}

const fill: Record<string, string> = { system: '#b5d7f5', service: '#fbe29a', process: '#fbd3b8', role: '#f3d0e2', information: '#c9e8ce', technology: '#c9ebe5', element: '#f1f1f1' };

/** ArchiMate upload and download, and the stored diagrams. */
export function ViewsPage() {
  const { t } = useTranslation('map');
  usePageTitle(t('views.heading'));
  const { can } = useSession();
  const views = useQuery({ queryKey: ['map', 'views'], queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/map/views') });
  const [file, setFile] = useState<File | null>(null);
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: async () =>
      api.post<{ elements: number; relationships: number; views: number; notAllowed: { process: number; role: number } }>('/api/map/archimate', { xml: await file!.text() }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['map'] }),
  });
  return (
    <div className="map-page">
      <Heading level={1} data-size="lg">
        {t('views.heading')}
      </Heading>
      <MapTabs />
      <div className="map-toolbar">
        <Link href="/api/map/archimate" download>
          {t('views.download')}
        </Link>
      </div>
      {can('map:write') && (
        <form
          className="map-editor"
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate();
          }}
        >
          <Field data-size="sm">
            <Label htmlFor="archimate-file">{t('views.upload')}</Label>
            <input id="archimate-file" type="file" accept=".xml,application/xml,text/xml" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field>
          <Button type="submit" data-size="sm" disabled={!file} loading={upload.isPending}>
            {t('views.uploadButton')}
          </Button>
          {upload.error && <ErrorAlert error={upload.error} />}
          <p aria-live="polite">
            {upload.data ? t('views.imported', upload.data) : ''}
            {upload.data && upload.data.notAllowed.process + upload.data.notAllowed.role > 0 ? ` ${t('views.notAllowed', upload.data.notAllowed)}` : ''}
          </p>
        </form>
      )}
      <Heading level={2} data-size="sm">
        {t('views.list')}
      </Heading>
      {views.isPending ? (
        <Spinner aria-label={t('laying')} />
      ) : views.error ? (
        <ErrorAlert error={views.error} />
      ) : views.data.items.length === 0 ? (
        <Paragraph>{t('views.none')}</Paragraph>
      ) : (
        <ul>
          {views.data.items.map((v) => (
            <li key={v.id}>
              <NavLink to={`/map/views/${v.id}`} className="ds-focus">
                {v.name}
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One stored diagram drawn with its own layout (exchange-format bounds are absolute). */
export function ViewPage() {
  const { t } = useTranslation('map');
  const { id } = useParams();
  const view = useQuery({ queryKey: ['map', 'view', id], queryFn: () => api.get<ViewDetail>(`/api/map/views/${id}`) });
  usePageTitle(view.data?.name ?? t('views.heading'));
  if (view.isPending) return <Spinner aria-label={t('laying')} />;
  if (view.error) return <ErrorAlert error={view.error} />;
  const v = view.data;
  const flat: ViewNode[] = [];
  const walk = (list: ViewNode[]) => list.forEach((n) => (flat.push(n), walk(n.children)));
  walk(v.nodes);
  const byId = new Map(flat.map((n) => [n.id, n]));
  const width = Math.max(100, ...flat.map((n) => n.x + n.w)) + 20;
  const height = Math.max(100, ...flat.map((n) => n.y + n.h)) + 20;
  const labelOf = (n: ViewNode) => (n.elementRef ? (v.elements[n.elementRef]?.name ?? '') : (n.label ?? ''));
  const names = flat.map(labelOf).filter(Boolean);
  return (
    <div className="map-page">
      <Heading level={1} data-size="lg">
        {v.name}
      </Heading>
      <MapTabs />
      <NavLink to="/map/views" className="ds-focus">
        {t('views.back')}
      </NavLink>
      {v.documentation && <Paragraph>{v.documentation}</Paragraph>}
      <div className="map-view-scroll" tabIndex={0} role="region" aria-label={v.name}>
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={v.name} data-testid="stored-view">
          {flat.map((n) => {
            const kind = n.elementRef ? (v.elements[n.elementRef]?.kind ?? 'element') : 'group';
            return (
              <g key={n.id}>
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={4} fill={n.type === 'Element' ? (fill[kind] ?? '#f1f1f1') : n.type === 'Label' ? '#ffffff' : '#fafafa'} stroke="#555" />
                <text x={n.x + 6} y={n.y + 16} fontSize={11} fill="#111">
                  {labelOf(n).slice(0, Math.max(4, Math.floor(n.w / 6)))}
                </text>
              </g>
            );
          })}
          {v.connections.map((c) => {
            const a = byId.get(c.source);
            const b = byId.get(c.target);
            if (!a || !b) return null;
            return <line key={c.id} x1={a.x + a.w / 2} y1={a.y + a.h / 2} x2={b.x + b.w / 2} y2={b.y + b.h / 2} stroke="#666" strokeWidth={1} />;
          })}
        </svg>
      </div>
      <Heading level={2} data-size="xs">
        {t('views.elements')}
      </Heading>
      <ul>
        {[...new Set(names)].sort().map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
