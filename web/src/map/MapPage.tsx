import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useDebounced } from '../app/use-debounced';
import { withQueryChanges, type QueryChanges } from '../app/url-query';
import { useOrgUnits } from '../org/queries';
import { CytoscapeMap, kindColour, type MapHandle } from './CytoscapeMap';
import { ImpactPanel } from './ImpactPanel';
import { MapTabs } from './MapTabs';
import { layerKinds, useDeleteView, useMapPicture, useSavedViews, useSaveView, type MapNode, type SavedView } from './queries';

const lifecycles = ['idea', 'requirements', 'implementation', 'operation', 'phase_out', 'retired'] as const;
const criticalities = ['low', 'medium', 'high', 'critical'] as const;
const defaultLayers = ['service', 'process', 'role', 'information', 'system', 'technology', 'integration'];

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The interactive map: filters and focus in the address bar, so a view can be shared by link. */
export function MapPage() {
  const { t } = useTranslation('map');
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const update = (changes: QueryChanges) => setParams((current) => withQueryChanges(current, changes), { replace: true });
  const layers = params.get('layers')?.split(',').filter(Boolean) ?? defaultLayers;
  const lifecycle = params.get('lifecycle') ?? '';
  const criticality = params.get('criticality') ?? '';
  const unitId = params.get('unit') ?? '';
  const focus = params.get('focus') ?? '';
  const depth = Number(params.get('depth') ?? 1);
  const [searchText, setSearchText] = useState(params.get('search') ?? '');
  const search = useDebounced(searchText, 300);
  const picture = useMapPicture({
    layers: layers.join(','),
    lifecycle: lifecycle || undefined,
    criticality: criticality || undefined,
    unitId: unitId || undefined,
    focus: focus || undefined,
    depth,
    search: search || undefined,
  });
  const [selectedId, setSelectedId] = useState<string | null>(focus || null);
  const nodes = picture.data?.nodes;
  const selected = useMemo(() => nodes?.find((n) => n.id === selectedId) ?? null, [nodes, selectedId]);
  const mapRef = useRef<MapHandle>(null);
  const units = useOrgUnits();

  const toggleLayer = (kind: string, on: boolean) => {
    const next = on ? [...new Set([...layers, kind])] : layers.filter((k) => k !== kind);
    update({ layers: next.join(',') || 'none' });
  };

  return (
    <div className="map-page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <MapTabs />
      <div className="map-layout">
        <search className="map-filters">
          <Fieldset data-size="sm">
            <Fieldset.Legend>{t('filters.layers')}</Fieldset.Legend>
            {layerKinds.map((kind) => (
              <Checkbox
                key={kind}
                label={
                  <span>
                    <span className="map-swatch" style={{ background: kindColour[kind] }} aria-hidden="true" />
                    {t(`layers.${kind}`)}
                  </span>
                }
                checked={layers.includes(kind)}
                onChange={(e) => toggleLayer(kind, e.target.checked)}
              />
            ))}
          </Fieldset>
          <Textfield data-size="sm" label={t('filters.search')} value={searchText} onChange={(e) => setSearchText(e.target.value)} />
          <Field data-size="sm">
            <Label htmlFor="map-unit">{t('filters.unit')}</Label>
            <Select id="map-unit" value={unitId} onChange={(e) => update({ unit: e.target.value })}>
              <Select.Option value="">{t('filters.allUnits')}</Select.Option>
              {(units.data ?? []).map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field data-size="sm">
            <Label htmlFor="map-lifecycle">{t('filters.lifecycle')}</Label>
            <Select id="map-lifecycle" value={lifecycle} onChange={(e) => update({ lifecycle: e.target.value })}>
              <Select.Option value="">{t('filters.all')}</Select.Option>
              {lifecycles.map((l) => (
                <Select.Option key={l} value={l}>
                  {t(`lifecycle.${l}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field data-size="sm">
            <Label htmlFor="map-criticality">{t('filters.criticality')}</Label>
            <Select id="map-criticality" value={criticality} onChange={(e) => update({ criticality: e.target.value })}>
              <Select.Option value="">{t('filters.all')}</Select.Option>
              {criticalities.map((c) => (
                <Select.Option key={c} value={c}>
                  {t(`criticality.${c}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field data-size="sm">
            <Label htmlFor="map-depth">{t('filters.depth')}</Label>
            <Select id="map-depth" value={String(depth)} onChange={(e) => update({ depth: e.target.value })} disabled={!focus}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Select.Option key={n} value={String(n)}>
                  {n}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {focus && (
            <Button variant="secondary" data-size="sm" onClick={() => update({ focus: null })}>
              {t('filters.clearFocus')}
            </Button>
          )}
          <SavedViews
            current={{ layers, unitId: unitId || null, lifecycle: lifecycle ? [lifecycle] : [], criticality: criticality ? [criticality] : [], focusId: focus || null, depth, search }}
            onOpen={(v) => {
              setSearchText(v.settings.search ?? '');
              update({
                layers: v.settings.layers?.join(',') ?? null,
                unit: v.settings.unitId ?? null,
                lifecycle: v.settings.lifecycle?.[0] ?? null,
                criticality: v.settings.criticality?.[0] ?? null,
                focus: v.settings.focusId ?? null,
                depth: v.settings.depth ?? null,
              });
            }}
          />
        </search>
        <div className="map-main">
          {picture.error ? (
            <ErrorAlert error={picture.error} />
          ) : !picture.data ? (
            <Spinner aria-label={t('laying')} />
          ) : (
            <>
              <p aria-live="polite" data-testid="map-summary">
                {t('summary', { shown: picture.data.nodes.length, total: picture.data.total, edges: picture.data.edges.length })}
                {picture.data.cut ? ` ${t('cut', { shown: picture.data.nodes.length })}` : ''}
              </p>
              <div className="map-toolbar">
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={() => {
                    const blob = mapRef.current?.png();
                    if (blob) download('arkitekturkart.png', blob);
                  }}
                >
                  {t('export.png')}
                </Button>
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={() => {
                    const text = mapRef.current?.svg();
                    if (text) download('arkitekturkart.svg', new Blob([text], { type: 'image/svg+xml' }));
                  }}
                >
                  {t('export.svg')}
                </Button>
              </div>
              <CytoscapeMap ref={mapRef} nodes={picture.data.nodes} edges={picture.data.edges} selectedId={selectedId} onSelect={setSelectedId} label={t('canvasLabel', { count: picture.data.nodes.length })} />
              <ImpactPanel
                node={selected}
                onFocus={(id) => {
                  setSelectedId(id);
                  update({ focus: id });
                }}
              />
              <NodeList nodes={picture.data.nodes} onSelect={setSelectedId} selectedId={selectedId} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/** The text alternative of the drawing: every object shown, selectable by keyboard. */
function NodeList({ nodes, onSelect, selectedId }: { nodes: MapNode[]; onSelect: (id: string) => void; selectedId: string | null }) {
  const { t } = useTranslation('map');
  const sorted = useMemo(() => [...nodes].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'nb')).slice(0, 500), [nodes]);
  return (
    <section aria-labelledby="map-list-heading" className="map-list">
      <Heading level={2} data-size="xs" id="map-list-heading">
        {t('list.heading')}
      </Heading>
      {sorted.length === 0 ? (
        <Paragraph>{t('list.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('list.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('list.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('list.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sorted.map((n) => (
              <Table.Row key={n.id} aria-selected={n.id === selectedId ? true : undefined}>
                <Table.Cell>{n.name}</Table.Cell>
                <Table.Cell>{t(`kind.${n.kind}`)}</Table.Cell>
                <Table.Cell>
                  <Button variant="tertiary" data-size="sm" onClick={() => onSelect(n.id)} aria-label={t('list.select', { name: n.name })}>
                    {t('list.choose')}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function SavedViews({ current, onOpen }: { current: SavedView['settings']; onOpen: (view: SavedView) => void }) {
  const { t } = useTranslation('map');
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  return (
    <Fieldset data-size="sm" className="map-saved">
      <Fieldset.Legend>{t('saved.legend')}</Fieldset.Legend>
      {views.data?.items.length ? (
        <ul className="map-saved__list">
          {views.data.items.map((v) => (
            <li key={v.id}>
              <Button variant="tertiary" data-size="sm" onClick={() => onOpen(v)}>
                {v.name}
                {v.shared ? ` (${t('saved.sharedBy')})` : ''}
              </Button>
              {v.mine && (
                <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => remove.mutate(v.id)} aria-label={`${t('saved.delete')} ${v.name}`}>
                  {t('saved.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph data-size="sm">{t('saved.none')}</Paragraph>
      )}
      <Textfield data-size="sm" label={t('saved.name')} value={name} onChange={(e) => setName(e.target.value)} />
      <Checkbox label={t('saved.shared')} checked={shared} onChange={(e) => setShared(e.target.checked)} />
      <Button
        data-size="sm"
        disabled={!name.trim()}
        loading={save.isPending}
        onClick={() => save.mutate({ name: name.trim(), shared, settings: current }, { onSuccess: () => setName('') })}
      >
        {t('saved.save')}
      </Button>
      {save.error && <ErrorAlert error={save.error} />}
      <p aria-live="polite">{save.isSuccess ? t('saved.savedOk', { name: save.data.name }) : ''}</p>
    </Fieldset>
  );
}
