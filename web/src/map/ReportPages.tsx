import { Field, Heading, Label, Link, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { api, withQuery } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useDebounced } from '../app/use-debounced';
import { MapTabs } from './MapTabs';

const matrixKinds = ['systems-units', 'systems-information', 'processes-systems', 'roles-systems'] as const;
interface Matrix {
  rows: { id: string; name: string }[];
  columns: { id: string; name: string }[];
  cells: [number, number, string][];
}

/** Who uses what: one matrix at a time, filterable, downloadable. */
export function MatricesPage() {
  const { t } = useTranslation('map');
  usePageTitle(t('matrices.heading'));
  const [kind, setKind] = useState<(typeof matrixKinds)[number]>('systems-units');
  const [filter, setFilter] = useState('');
  const q = useDebounced(filter, 300);
  const matrix = useQuery({ queryKey: ['map', 'matrix', kind, q], queryFn: () => api.get<Matrix>(`/api/map/matrices/${kind}`, { q }) });
  const grid = new Map<string, string>();
  for (const [r, c, text] of matrix.data?.cells ?? []) grid.set(`${r}:${c}`, text);
  // Columns without any mark are left out, so a wide matrix stays readable.
  const used = new Set((matrix.data?.cells ?? []).map(([, c]) => c));
  const columns = (matrix.data?.columns ?? []).map((c, i) => ({ ...c, i })).filter((c) => used.has(c.i));
  return (
    <div className="map-page">
      <Heading level={1} data-size="lg">
        {t('matrices.heading')}
      </Heading>
      <MapTabs />
      <div className="map-toolbar">
        <Field data-size="sm">
          <Label htmlFor="matrix-kind">{t('matrices.kind')}</Label>
          <Select id="matrix-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {matrixKinds.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`matrices.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield data-size="sm" label={t('matrices.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <Link href={withQuery(`/api/map/matrices/${kind}`, { q, format: 'csv' })} download>
          {t('matrices.csv')}
        </Link>
        <Link href={withQuery(`/api/map/matrices/${kind}`, { q, format: 'xlsx' })} download>
          {t('matrices.xlsx')}
        </Link>
      </div>
      {matrix.isPending ? (
        <Spinner aria-label={t('laying')} />
      ) : matrix.error ? (
        <ErrorAlert error={matrix.error} />
      ) : matrix.data.rows.length === 0 ? (
        <Paragraph>{t('matrices.empty')}</Paragraph>
      ) : (
        <div className="map-matrix-scroll" tabIndex={0} role="region" aria-label={t(`matrices.kinds.${kind}`)}>
          <Table data-size="sm" zebra border>
            <caption className="visually-hidden">{t(`matrices.kinds.${kind}`)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('list.name')}</Table.HeaderCell>
                {columns.map((c) => (
                  <Table.HeaderCell key={c.id} scope="col">
                    {c.name}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {matrix.data.rows.map((r, ri) => (
                <Table.Row key={r.id}>
                  <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                  {columns.map((c) => (
                    <Table.Cell key={c.id}>{grid.get(`${ri}:${c.i}`) ?? ''}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}

interface Quality {
  areas: { kind: string; objects: number; score: number; toFix: number }[];
  objects: { id: string; kind: string; name: string; score: number; missing: string[] }[];
  overall: number;
  rosModuleMissing: boolean;
}

const fixLink: Record<string, string> = { system: '/systems/', service: '/map/model/services', information: '/map/model/information-objects', integration: '/map/model/integrations', process: '/processes/', role: '/map?focus=' };

/** How complete the model is, and a list of what to fix with links. */
export function QualityPage() {
  const { t } = useTranslation('map');
  usePageTitle(t('quality.heading'));
  const quality = useQuery({ queryKey: ['map', 'quality'], queryFn: () => api.get<Quality>('/api/map/quality') });
  return (
    <div className="map-page">
      <Heading level={1} data-size="lg">
        {t('quality.heading')}
      </Heading>
      <MapTabs />
      <Paragraph>{t('quality.intro')}</Paragraph>
      {quality.isPending ? (
        <Spinner aria-label={t('laying')} />
      ) : quality.error ? (
        <ErrorAlert error={quality.error} />
      ) : (
        <>
          {quality.data.rosModuleMissing && <Paragraph data-size="sm">{t('quality.noRos')}</Paragraph>}
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('quality.area')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.objects')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.score')}</Table.HeaderCell>
                <Table.HeaderCell>{t('quality.toFix')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {quality.data.areas.map((a) => (
                <Table.Row key={a.kind}>
                  <Table.Cell>{t(`layers.${a.kind}`)}</Table.Cell>
                  <Table.Cell>{a.objects}</Table.Cell>
                  <Table.Cell>{`${a.score} %`}</Table.Cell>
                  <Table.Cell>{a.toFix}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Heading level={2} data-size="sm">
            {t('quality.toFix')}
          </Heading>
          {quality.data.objects.filter((o) => o.missing.length).length === 0 ? (
            <Paragraph>{t('quality.allGood')}</Paragraph>
          ) : (
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('quality.object')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('list.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('quality.score')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('quality.missing')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {quality.data.objects
                  .filter((o) => o.missing.length)
                  .slice(0, 300)
                  .map((o) => {
                    const base = fixLink[o.kind] ?? '/map?focus=';
                    const to = base.endsWith('/') || base.endsWith('=') ? `${base}${o.id}` : base;
                    return (
                      <Table.Row key={o.id}>
                        <Table.Cell>
                          <NavLink to={to} className="ds-focus">
                            {o.name}
                          </NavLink>
                        </Table.Cell>
                        <Table.Cell>{t(`kind.${o.kind}`)}</Table.Cell>
                        <Table.Cell>{`${o.score} %`}</Table.Cell>
                        <Table.Cell>{o.missing.map((m) => t(`quality.issues.${m}`)).join(', ')}</Table.Cell>
                      </Table.Row>
                    );
                  })}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
