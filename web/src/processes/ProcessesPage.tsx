import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { StateTag } from './StateTag';
import { useInvalidateProcesses, useProcesses, useReminders, type ProcessDetail, type ProcessLevel, type ProcessSummary } from './queries';
import './processes.css';

/** The process hierarchy [prosesshierarki]: areas → processes → sub-processes. */
export function ProcessesPage() {
  const { t } = useTranslation('processes');
  usePageTitle(t('hierarchy.title'));
  const { can } = useSession();
  const list = useProcesses();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('hierarchy.title')}
      </Heading>
      <Paragraph>{t('hierarchy.intro')}</Paragraph>
      <Reminders />
      {can('processes:approve') && (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/processes/rules">{t('rules.link')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {list.isPending ? <PageLoading /> : list.error ? <ErrorAlert error={list.error} /> : <Hierarchy items={list.data.items} />}
      {can('processes:write') && list.data && (
        <div className="grm-columns">
          <CreateProcess items={list.data.items} />
          <ImportBpmn items={list.data.items} />
        </div>
      )}
    </div>
  );
}

function Reminders() {
  const { t } = useTranslation('processes');
  const reminders = useReminders();
  if (!reminders.data?.items.length) return null;
  return (
    <Alert data-color="warning">
      <Heading level={2} data-size="xs">
        {t('reminders.title')}
      </Heading>
      <ul>
        {reminders.data.items.map((reminder) => (
          <li key={reminder.id}>
            <Link asChild>
              <RouterLink to={`/processes/${reminder.processId}`}>{reminder.message}</RouterLink>
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Hierarchy({ items }: { items: ProcessSummary[] }) {
  const { t } = useTranslation('processes');
  const children = (parentId: string | null) => items.filter((item) => item.parentId === parentId);
  const render = (parentId: string | null) => {
    const level = children(parentId);
    if (level.length === 0) return null;
    return (
      <ul>
        {level.map((item) => (
          <li key={item.id}>
            <Link asChild>
              <RouterLink to={`/processes/${item.id}`}>{item.name}</RouterLink>
            </Link>{' '}
            <span className="grm-muted">{t(`level.${item.level}`)}</span>{' '}
            {item.published && <Tag data-color="success" data-size="sm">{t('state.published')}</Tag>}{' '}
            {item.latest && item.latest.state !== 'published' && <StateTag state={item.latest.state} />}{' '}
            {item.reviewDue && <Tag data-color="warning" data-size="sm">{t('hierarchy.reviewDue')}</Tag>}
            {render(item.id)}
          </li>
        ))}
      </ul>
    );
  };
  if (items.length === 0) return <Paragraph>{t('hierarchy.empty')}</Paragraph>;
  return (
    <nav className="grm-hierarchy" aria-label={t('hierarchy.title')}>
      {render(null)}
    </nav>
  );
}

function ParentSelect({ items, value, onChange, id }: { items: ProcessSummary[]; value: string; onChange: (v: string) => void; id: string }) {
  const { t } = useTranslation('processes');
  return (
    <Field>
      <Label htmlFor={id}>{t('create.parent')}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <Select.Option value="">{t('create.noParent')}</Select.Option>
        {items
          .filter((item) => item.level !== 'subprocess')
          .map((item) => (
            <Select.Option key={item.id} value={item.id}>
              {item.name} ({t(`level.${item.level}`)})
            </Select.Option>
          ))}
      </Select>
    </Field>
  );
}

function CreateProcess({ items }: { items: ProcessSummary[] }) {
  const { t } = useTranslation('processes');
  const navigate = useNavigate();
  const invalidate = useInvalidateProcesses();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const parent = items.find((item) => item.id === parentId);
  const defaultLevel: ProcessLevel = !parent ? 'area' : parent.level === 'area' ? 'process' : 'subprocess';
  const [level, setLevel] = useState<ProcessLevel | ''>('');
  const create = useMutation({
    mutationFn: () => api.post<ProcessDetail>('/api/processes', { name, parentId: parentId || null, level: level || defaultLevel, purpose: '' }),
    onSuccess: async (created) => {
      await invalidate();
      void navigate(`/processes/${created.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} className="grm-card" aria-labelledby="create-process-heading">
      <Heading level={2} data-size="sm" id="create-process-heading">
        {t('create.title')}
      </Heading>
      <Textfield label={t('create.name')} value={name} onChange={(event) => setName(event.target.value)} required />
      <ParentSelect items={items} value={parentId} onChange={setParentId} id="create-parent" />
      <Field>
        <Label htmlFor="create-level">{t('create.level')}</Label>
        <Select id="create-level" value={level || defaultLevel} onChange={(event) => setLevel(event.target.value as ProcessLevel)}>
          {(['area', 'process', 'subprocess'] as const).map((option) => (
            <Select.Option key={option} value={option}>
              {t(`level.${option}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {create.error && <ErrorAlert error={create.error} />}
      <Button type="submit" loading={create.isPending}>
        {t('create.submit')}
      </Button>
    </form>
  );
}

function ImportBpmn({ items }: { items: ProcessSummary[] }) {
  const { t } = useTranslation('processes');
  const navigate = useNavigate();
  const invalidate = useInvalidateProcesses();
  const file = useRef<HTMLInputElement>(null);
  const [parentId, setParentId] = useState('');
  const importFile = useMutation({
    mutationFn: async () => {
      const chosen = file.current?.files?.[0];
      if (!chosen) throw new Error(t('import.noFile'));
      // Latin-1 files are declared as such; the server decodes by the declaration, so send bytes as text only for UTF-8.
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
      const xml = new TextDecoder(/encoding=["']iso-8859-1["']/i.test(head) ? 'latin1' : 'utf-8').decode(bytes);
      return api.post<{ processId: string; versionId: string }>('/api/processes/import', { xml, parentId: parentId || null });
    },
    onSuccess: async (result) => {
      await invalidate();
      void navigate(`/processes/${result.processId}`);
    },
  });
  return (
    <form
      className="grm-card"
      aria-labelledby="import-bpmn-heading"
      onSubmit={(event) => {
        event.preventDefault();
        importFile.mutate();
      }}
    >
      <Heading level={2} data-size="sm" id="import-bpmn-heading">
        {t('import.title')}
      </Heading>
      <Paragraph data-size="sm">{t('import.intro')}</Paragraph>
      <Field>
        <Label htmlFor="import-file">{t('import.file')}</Label>
        <input id="import-file" ref={file} type="file" accept=".bpmn,.xml,application/xml,text/xml" />
      </Field>
      <ParentSelect items={items} value={parentId} onChange={setParentId} id="import-parent" />
      {importFile.error && <ErrorAlert error={importFile.error} />}
      <Button type="submit" variant="secondary" loading={importFile.isPending}>
        {t('import.submit')}
      </Button>
    </form>
  );
}
