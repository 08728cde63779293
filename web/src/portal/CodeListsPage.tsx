import { Alert, Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { PageSection } from '../org/PageSection';
import { PortalSubNav } from './PortalNav';
import { useCodeLists, useLoadCodeList } from './queries';
import './portal.css';

const kinds = ['kostra_function', 'kle', 'form', 'own'] as const;

/** Code lists (KOSTRA, KLE, FORM, own) loaded from CSV. */
export function CodeListsPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('codes.title'));
  const lists = useCodeLists();
  const load = useLoadCodeList();
  const fileId = useId();
  const [form, setForm] = useState({ key: '', name: '', kind: 'own' });
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) load.mutate({ ...form, file });
  };
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('codes.title')}
      </Heading>
      <PortalSubNav />
      <PageSection id="codes-lists" title={t('codes.lists')}>
        {lists.isPending ? (
          <Spinner aria-label={t('loading')} />
        ) : lists.error ? (
          <ErrorAlert error={lists.error} />
        ) : lists.data.items.length === 0 ? (
          <Paragraph>{t('codes.empty')}</Paragraph>
        ) : (
          <Table zebra className="portal-table">
            <caption className="visually-hidden">{t('codes.lists')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('codes.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('codes.key')}</Table.HeaderCell>
                <Table.HeaderCell>{t('codes.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('codes.values')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {lists.data.items.map((list) => (
                <Table.Row key={list.id}>
                  <Table.Cell>{list.name}</Table.Cell>
                  <Table.Cell>{list.key}</Table.Cell>
                  <Table.Cell>{t(`codes.kinds.${list.kind}`)}</Table.Cell>
                  <Table.Cell>{list.values}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </PageSection>
      <PageSection id="codes-load" title={t('codes.load')}>
        <Paragraph data-size="sm">{t('codes.loadHint')}</Paragraph>
        <form className="portal-form" onSubmit={submit}>
          <Textfield label={t('codes.key')} value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} />
          <Textfield label={t('codes.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <Field>
            <Label>{t('codes.kind')}</Label>
            <Select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {kinds.map((kind) => (
                <Select.Option key={kind} value={kind}>
                  {t(`codes.kinds.${kind}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <label htmlFor={fileId} className="ds-label">
            {t('codes.file')}
          </label>
          <input id={fileId} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <Button type="submit" disabled={!file || load.isPending}>
            {t('codes.submit')}
          </Button>
        </form>
        {load.isSuccess && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('codes.loaded', { count: load.data.loaded })}</Paragraph>
          </Alert>
        )}
        {load.error && <ErrorAlert error={load.error} />}
      </PageSection>
    </div>
  );
}
