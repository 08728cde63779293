import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { PageSection } from '../org/PageSection';
import { PortalSubNav } from './PortalNav';
import { useBundleImport } from './queries';
import './portal.css';

/** Production line 1, migration: upload a zip of BPMN files and documents, read the report. */
export function ImportPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('import.title'));
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useBundleImport();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('import.title')}
      </Heading>
      <PortalSubNav />
      <Paragraph>{t('import.intro')}</Paragraph>
      <form className="portal-form" onSubmit={submit}>
        <label htmlFor={id} className="ds-label">
          {t('import.file')}
        </label>
        <input id={id} type="file" accept=".zip,application/zip" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <Button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? t('import.running') : t('import.submit')}
        </Button>
      </form>
      {upload.error && <ErrorAlert error={upload.error} />}
      {upload.data && (
        <PageSection id="import-report" title={t('import.report')}>
          <Paragraph role="status">{t('import.counts', upload.data.counts)}</Paragraph>
          <Table zebra className="portal-table">
            <caption className="visually-hidden">{t('import.report')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('import.path')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.details')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {upload.data.lines.map((line) => (
                <Table.Row key={line.path}>
                  <Table.Cell>{line.path}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={line.outcome === 'refused' ? 'danger' : 'success'}>
                      {t(`import.outcomes.${line.outcome}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {line.reason ??
                      (line.processId ? (
                        <RouterLink to={`/processes/${line.processId}`}>{t('import.openProcess')}</RouterLink>
                      ) : line.linkedTo?.length ? (
                        t('import.linked', { count: line.linkedTo.length, version: line.version })
                      ) : (
                        t('import.version', { version: line.version })
                      ))}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </PageSection>
      )}
    </div>
  );
}
