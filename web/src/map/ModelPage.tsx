import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { ImportExportPanel } from '../transfer/ImportExportPanel';
import { MapTabs } from './MapTabs';

const kinds = ['services', 'information-objects', 'integrations', 'technology'] as const;
type Kind = (typeof kinds)[number];
type Row = Record<string, unknown> & { id: string; name: string; version: number };

/** The fields each kind has, with their choices; `systems`/`info` are multi-selects of ids. */
const fields: Record<Kind, { key: string; type: 'text' | 'textarea' | 'choice' | 'systems' | 'system' | 'info'; choices?: string[]; label: string; choiceKey?: string }[]> = {
  services: [
    { key: 'name', type: 'text', label: 'model.name' },
    { key: 'description', type: 'textarea', label: 'model.description' },
    { key: 'audience', type: 'choice', choices: ['citizens', 'businesses', 'both', 'internal'], label: 'model.audience', choiceKey: 'model.audiences' },
    { key: 'criticality', type: 'choice', choices: ['low', 'medium', 'high', 'critical'], label: 'model.criticality', choiceKey: 'criticality' },
    { key: 'systemIds', type: 'systems', label: 'model.systems' },
  ],
  'information-objects': [
    { key: 'name', type: 'text', label: 'model.name' },
    { key: 'description', type: 'textarea', label: 'model.description' },
    { key: 'personalDataCategory', type: 'choice', choices: ['none', 'personal', 'special', 'criminal'], label: 'model.personalDataCategory', choiceKey: 'panel.category' },
    { key: 'sensitivity', type: 'choice', choices: ['open', 'internal', 'confidential', 'strictly_confidential'], label: 'model.sensitivity', choiceKey: 'model.sensitivities' },
    { key: 'systemIds', type: 'systems', label: 'model.systems' },
  ],
  integrations: [
    { key: 'name', type: 'text', label: 'model.name' },
    { key: 'description', type: 'textarea', label: 'model.description' },
    { key: 'fromSystemId', type: 'system', label: 'model.from' },
    { key: 'toSystemId', type: 'system', label: 'model.to' },
    { key: 'kind', type: 'choice', choices: ['api', 'file', 'message_queue', 'rpa', 'manual'], label: 'model.kind', choiceKey: 'model.integrationKinds' },
    { key: 'mode', type: 'choice', choices: ['sync', 'async'], label: 'model.mode', choiceKey: 'model.modes' },
    { key: 'frequency', type: 'text', label: 'model.frequency' },
    { key: 'informationObjectIds', type: 'info', label: 'model.information' },
  ],
  technology: [
    { key: 'name', type: 'text', label: 'model.name' },
    { key: 'description', type: 'textarea', label: 'model.description' },
    { key: 'kind', type: 'choice', choices: ['server', 'cloud_service', 'network', 'database', 'device', 'system_software', 'technology_service', 'other'], label: 'model.kind', choiceKey: 'model.technologyKinds' },
    { key: 'provider', type: 'text', label: 'model.provider' },
    { key: 'location', type: 'text', label: 'model.location' },
    { key: 'systemIds', type: 'systems', label: 'model.systems' },
  ],
};

const blank: Record<Kind, Record<string, unknown>> = {
  services: { name: '', description: '', audience: 'citizens', criticality: 'medium', systemIds: [] },
  'information-objects': { name: '', description: '', personalDataCategory: 'none', sensitivity: 'internal', systemIds: [] },
  integrations: { name: '', description: '', fromSystemId: '', toSystemId: '', kind: 'api', mode: 'sync', frequency: '', informationObjectIds: [] },
  technology: { name: '', description: '', kind: 'server', provider: '', location: '', systemIds: [] },
};

function useOptions(path: string) {
  return useQuery({ queryKey: ['map', 'options', path], queryFn: () => api.get<{ items: { id: string; name: string }[] }>(path, { pageSize: 500 }) });
}

/** Lists and edits services, information objects, integrations and technology. */
export function ModelPage() {
  const { t } = useTranslation('map');
  const params = useParams();
  const kind = (kinds as readonly string[]).includes(params.kind ?? '') ? (params.kind as Kind) : 'services';
  usePageTitle(`${t(`model.kinds.${kind}`)} – ${t('title')}`);
  const { can } = useSession();
  const canWrite = can('map:write');
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['map', 'model', kind, q], queryFn: () => api.get<{ items: Row[]; total: number }>(`/api/${kind}`, { q, pageSize: 500 }) });
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/${kind}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['map'] }),
  });

  return (
    <div className="map-page">
      <Heading level={1} data-size="lg">
        {t('model.heading')}
      </Heading>
      <MapTabs />
      <nav aria-label={t('model.heading')} className="map-tabs map-tabs--sub">
        <ul>
          {kinds.map((k) => (
            <li key={k}>
              <NavLink to={`/map/model/${k}`} className="ds-focus" onClick={() => setEditing(null)}>
                {t(`model.kinds.${k}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Heading level={2} data-size="md">
        {t(`model.kinds.${kind}`)}
      </Heading>
      <div className="map-toolbar">
        <Textfield data-size="sm" label={t('model.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        {canWrite && (
          <Button data-size="sm" onClick={() => setEditing({ ...blank[kind] })}>
            {t('model.new')}
          </Button>
        )}
      </div>
      {editing && <Editor key={String(editing.id ?? 'new')} kind={kind} value={editing} onDone={() => setEditing(null)} />}
      {list.isPending ? (
        <Spinner aria-label={t('laying')} />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Paragraph>{t('model.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('model.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('model.description')}</Table.HeaderCell>
              <Table.HeaderCell>{t('list.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {list.data.items.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>{row.name}</Table.Cell>
                <Table.Cell>{String(row.description ?? '').slice(0, 120)}</Table.Cell>
                <Table.Cell>
                  <NavLink to={`/map?focus=${row.id}`} className="ds-focus">
                    {t('tabs.map')}
                  </NavLink>
                  {canWrite && (
                    <>
                      {' '}
                      <Button variant="tertiary" data-size="sm" onClick={() => setEditing(row)} aria-label={`${t('model.edit')} ${row.name}`}>
                        {t('model.edit')}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={`${t('model.delete')} ${row.name}`}
                        onClick={() => {
                          if (window.confirm(t('model.confirmDelete', { name: row.name }))) remove.mutate(row.id);
                        }}
                      >
                        {t('model.delete')}
                      </Button>
                    </>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {/* Export, template and import of this kind: the catalogue's panel and import dialog. */}
      <ImportExportPanel key={kind} kind={kind} />
    </div>
  );
}

function Editor({ kind, value, onDone }: { kind: Kind; value: Record<string, unknown>; onDone: () => void }) {
  const { t } = useTranslation('map');
  const [form, setForm] = useState<Record<string, unknown>>(value);
  const systems = useOptions('/api/systems');
  const info = useOptions('/api/information-objects');
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = {};
      for (const f of fields[kind]) body[f.key] = form[f.key];
      if (value.id) return api.put(`/api/${kind}/${String(value.id)}`, { ...body, version: value.version });
      return api.post(`/api/${kind}`, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['map'] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const set = (key: string, v: unknown) => setForm((f) => ({ ...f, [key]: v }));
  return (
    <form onSubmit={submit} className="map-editor" aria-labelledby="map-editor-heading">
      <Heading level={3} data-size="xs" id="map-editor-heading">
        {value.id ? `${t('model.edit')}: ${String(value.name)}` : t('model.new')}
      </Heading>
      {fields[kind].map((f) => {
        const id = `map-field-${f.key}`;
        if (f.type === 'text') return <Textfield key={f.key} id={id} data-size="sm" label={t(f.label)} value={String(form[f.key] ?? '')} onChange={(e) => set(f.key, e.target.value)} />;
        if (f.type === 'textarea')
          return (
            <Field key={f.key} data-size="sm">
              <Label htmlFor={id}>{t(f.label)}</Label>
              <Textarea id={id} value={String(form[f.key] ?? '')} onChange={(e) => set(f.key, e.target.value)} rows={3} />
            </Field>
          );
        if (f.type === 'choice')
          return (
            <Field key={f.key} data-size="sm">
              <Label htmlFor={id}>{t(f.label)}</Label>
              <Select id={id} value={String(form[f.key] ?? '')} onChange={(e) => set(f.key, e.target.value)}>
                {f.choices!.map((c) => (
                  <Select.Option key={c} value={c}>
                    {t(`${f.choiceKey}.${c}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          );
        const options = f.type === 'info' ? (info.data?.items ?? []) : (systems.data?.items ?? []);
        if (f.type === 'system')
          return (
            <Field key={f.key} data-size="sm">
              <Label htmlFor={id}>{t(f.label)}</Label>
              <Select id={id} value={String(form[f.key] ?? '')} onChange={(e) => set(f.key, e.target.value)}>
                <Select.Option value="">–</Select.Option>
                {options.map((o) => (
                  <Select.Option key={o.id} value={o.id}>
                    {o.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          );
        const selected = (form[f.key] as string[]) ?? [];
        return (
          <Field key={f.key} data-size="sm">
            <Label htmlFor={id}>{t(f.label)}</Label>
            <select
              id={id}
              multiple
              size={Math.min(8, Math.max(3, options.length))}
              className="map-multiselect"
              value={selected}
              aria-describedby={`${id}-hint`}
              onChange={(e) => set(f.key, [...e.target.selectedOptions].map((o) => o.value))}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <Paragraph data-size="xs" id={`${id}-hint`}>
              {t('model.systemsHint')}
            </Paragraph>
          </Field>
        );
      })}
      {save.error && <ErrorAlert error={save.error} />}
      <div className="map-toolbar">
        <Button type="submit" data-size="sm" loading={save.isPending}>
          {t('model.save')}
        </Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={onDone}>
          {t('model.cancel')}
        </Button>
      </div>
    </form>
  );
}
