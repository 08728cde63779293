import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { useFormat } from '../app/format';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { InlineList, PageSection } from '../org/PageSection';
import { documentFileUrl, useDocument, useUploadVersion, type DocumentDetail } from './queries';

/** One document [dokument]: its versions (who, when, size) to download, a new version, and its processes. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('documents');
  const { can } = useSession();
  const document = useDocument(id);
  usePageTitle(document.data?.name ?? t('title'));
  if (document.isPending) return <PageLoading />;
  if (document.error) {
    return (
      <div className="page">
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        <ErrorAlert error={document.error} />
      </div>
    );
  }
  const detail = document.data;
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {detail.name}
      </Heading>
      <Paragraph data-size="sm">{t('path', { path: detail.path })}</Paragraph>
      {detail.description && <Paragraph>{detail.description}</Paragraph>}
      <Paragraph>
        <Link href={documentFileUrl(detail.id)} download>
          {t('downloadCurrent', { version: detail.currentVersion })}
        </Link>
      </Paragraph>
      <PageSection id="document-versions" title={t('versions.title')}>
        <Versions document={detail} />
      </PageSection>
      {can('portal:write') && (
        <PageSection id="document-upload" title={t('upload.title')}>
          <UploadVersion document={detail} />
        </PageSection>
      )}
      <PageSection id="document-processes" title={t('processes.title')}>
        <InlineList
          items={detail.processes}
          empty={t('processes.none')}
          render={(process) => (
            <Link asChild>
              <RouterLink to={`/processes/${process.id}`}>{process.name}</RouterLink>
            </Link>
          )}
        />
      </PageSection>
    </div>
  );
}

function Versions({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const size = (bytes: number) => (bytes < 1024 ? t('bytes', { count: bytes }) : bytes < 1024 * 1024 ? t('kilobytes', { size: format.number(Math.round(bytes / 102.4) / 10) }) : t('megabytes', { size: format.number(Math.round(bytes / 104857.6) / 10) }));
  return (
    <Table zebra>
      <caption className="visually-hidden">{t('versions.caption', { name: document.name })}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('versions.version')}</Table.HeaderCell>
          <Table.HeaderCell>{t('versions.uploadedBy')}</Table.HeaderCell>
          <Table.HeaderCell>{t('versions.uploadedAt')}</Table.HeaderCell>
          <Table.HeaderCell>{t('versions.size')}</Table.HeaderCell>
          <Table.HeaderCell>{t('versions.file')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {document.versions.map((version) => (
          <Table.Row key={version.version}>
            <Table.Cell>
              {version.version}
              {version.version === document.currentVersion ? ` (${t('versions.current')})` : ''}
            </Table.Cell>
            <Table.Cell>{version.uploadedBy}</Table.Cell>
            <Table.Cell>{format.dateTime(version.uploadedAt)}</Table.Cell>
            <Table.Cell>{size(version.sizeBytes)}</Table.Cell>
            <Table.Cell>
              <Link href={documentFileUrl(document.id, version.version)} download>
                {t('versions.download', { version: version.version })}
              </Link>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function UploadVersion({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation('documents');
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadVersion(document.id);
  const extension = document.path.includes('.') ? document.path.split('.').pop()!.toLowerCase() : '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <form onSubmit={submit} aria-labelledby="document-upload">
      <Paragraph data-size="sm">{t('upload.hint', { extension })}</Paragraph>
      <label htmlFor={fileId} className="ds-label">
        {t('upload.file')}
      </label>{' '}
      <input id={fileId} type="file" accept={extension ? `.${extension}` : undefined} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />{' '}
      <Button type="submit" variant="secondary" disabled={!file} loading={upload.isPending}>
        {t('upload.submit')}
      </Button>
      {upload.error && <ErrorAlert error={upload.error} />}
      {upload.data && (
        <Alert data-color={upload.data.outcome === 'unchanged' ? 'info' : 'success'} role="status">
          <Paragraph>{t(`upload.outcome.${upload.data.outcome}`, { version: upload.data.version })}</Paragraph>
        </Alert>
      )}
    </form>
  );
}
