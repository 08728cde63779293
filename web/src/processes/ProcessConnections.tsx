import { Button, Field, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useDebounced } from '../app/use-debounced';
import { useDocumentSearch, useUploadDocument } from '../documents/queries';
import { InlineList, PageSection } from '../org/PageSection';
import { useInvalidateProcesses, useServices, type ProcessDetail } from './queries';

/** What the process is linked to outside its diagram: services, documents, and the systems its tasks use. */
export function ProcessConnections({ detail, canEditServices, canEditDocuments }: { detail: ProcessDetail; canEditServices: boolean; canEditDocuments: boolean }) {
  const { t } = useTranslation('processes');
  return (
    <>
      <PageSection id="process-services" title={t('connections.services')}>
        <Services detail={detail} canEdit={canEditServices} />
      </PageSection>
      <PageSection id="process-documents" title={t('connections.documents')}>
        <Documents detail={detail} canEdit={canEditDocuments} />
      </PageSection>
      {detail.level !== 'area' && (
        <PageSection id="process-systems" title={t('connections.systems')}>
          <InlineList
            items={detail.systems}
            empty={t('connections.noSystems')}
            render={(system) => (
              <Link asChild>
                <RouterLink to={`/systems/${system.id}`}>{system.name}</RouterLink>
              </Link>
            )}
          />
          <Paragraph data-size="sm">{t('connections.systemsHint')}</Paragraph>
        </PageSection>
      )}
    </>
  );
}

function Services({ detail, canEdit }: { detail: ProcessDetail; canEdit: boolean }) {
  const { t } = useTranslation('processes');
  const invalidate = useInvalidateProcesses();
  const all = useServices(canEdit);
  const [chosen, setChosen] = useState('');
  const save = useMutation({
    mutationFn: (serviceIds: string[]) => api.put<ProcessDetail>(`/api/processes/${detail.id}/services`, { serviceIds }),
    onSuccess: () => invalidate(),
  });
  const ids = detail.services.map((service) => service.id);
  const options = (all.data ?? []).filter((service) => !ids.includes(service.id));
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    save.mutate([...ids, chosen]);
    setChosen('');
  };
  return (
    <>
      <InlineList
        items={detail.services}
        empty={t('connections.noServices')}
        render={(service) => (
          <>
            {service.name}
            {canEdit && (
              <Button variant="tertiary" data-size="sm" aria-label={t('connections.unlinkService', { name: service.name })} onClick={() => save.mutate(ids.filter((id) => id !== service.id))} disabled={save.isPending}>
                {t('connections.unlink')}
              </Button>
            )}
          </>
        )}
      />
      {canEdit && options.length > 0 && (
        <form className="grm-inline-form" onSubmit={add} aria-label={t('connections.linkService')}>
          <Field>
            <Label htmlFor="link-service">{t('connections.service')}</Label>
            <Select id="link-service" value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <Select.Option value="">{t('connections.chooseService')}</Select.Option>
              {options.map((service) => (
                <Select.Option key={service.id} value={service.id}>
                  {service.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="secondary" data-size="sm" disabled={!chosen || save.isPending}>
            {t('connections.linkService')}
          </Button>
        </form>
      )}
      {save.error && <ErrorAlert error={save.error} />}
    </>
  );
}

function Documents({ detail, canEdit }: { detail: ProcessDetail; canEdit: boolean }) {
  const { t } = useTranslation('processes');
  const invalidate = useInvalidateProcesses();
  const unlink = useMutation({
    mutationFn: (documentId: string) => api.delete(`/api/portal/processes/${detail.id}/documents/${documentId}`),
    onSuccess: () => invalidate(),
  });
  return (
    <>
      <InlineList
        items={detail.documents}
        empty={t('connections.noDocuments')}
        render={(document) => (
          <>
            <Link asChild>
              <RouterLink to={`/documents/${document.id}`}>{document.name}</RouterLink>
            </Link>{' '}
            <span className="grm-muted">{t('connections.documentVersion', { version: document.currentVersion })}</span>
            {canEdit && (
              <Button variant="tertiary" data-size="sm" aria-label={t('connections.unlinkDocument', { name: document.name })} onClick={() => unlink.mutate(document.id)} disabled={unlink.isPending}>
                {t('connections.unlink')}
              </Button>
            )}
          </>
        )}
      />
      {unlink.error && <ErrorAlert error={unlink.error} />}
      {canEdit && (
        <div className="grm-columns">
          <LinkExistingDocument detail={detail} />
          <UploadDocument processId={detail.id} folder={detail.name} />
        </div>
      )}
    </>
  );
}

function LinkExistingDocument({ detail }: { detail: ProcessDetail }) {
  const { t } = useTranslation('processes');
  const invalidate = useInvalidateProcesses();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const found = useDocumentSearch(useDebounced(query.trim(), 250));
  const link = useMutation({
    mutationFn: (documentId: string) => api.post(`/api/portal/processes/${detail.id}/documents`, { documentId }),
    onSuccess: async () => {
      setChosen('');
      await invalidate();
    },
  });
  const linked = new Set(detail.documents.map((document) => document.id));
  const options = (found.data?.items ?? []).filter((document) => !linked.has(document.id));
  return (
    <form
      className="grm-card"
      aria-label={t('connections.linkDocument')}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) link.mutate(chosen);
      }}
    >
      <Textfield type="search" label={t('connections.findDocument')} description={t('connections.findHint')} value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      <Field>
        <Label htmlFor="link-document">{t('connections.document')}</Label>
        <Select id="link-document" value={chosen} onChange={(event) => setChosen(event.target.value)} disabled={options.length === 0}>
          <Select.Option value="">{t('connections.chooseDocument', { count: options.length })}</Select.Option>
          {options.map((document) => (
            <Select.Option key={document.id} value={document.id}>
              {document.path}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {link.error && <ErrorAlert error={link.error} />}
      <Button type="submit" variant="secondary" data-size="sm" disabled={!chosen || link.isPending}>
        {t('connections.linkDocument')}
      </Button>
    </form>
  );
}

/** Uploads a file into the process's own folder of the document store, linked to the process. */
function UploadDocument({ processId, folder }: { processId: string; folder: string }) {
  const { t } = useTranslation('processes');
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadDocument();
  return (
    <form
      className="grm-card"
      aria-label={t('connections.uploadDocument')}
      onSubmit={(event) => {
        event.preventDefault();
        if (file) upload.mutate({ file, processId, path: `${folder.replace(/[\\/]/g, '-')}/${file.name}` });
      }}
    >
      <label htmlFor={fileId} className="ds-label">
        {t('connections.uploadFile')}
      </label>
      <Paragraph data-size="sm">{t('connections.uploadHint')}</Paragraph>
      <input id={fileId} type="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls,.txt,.md,.csv,.png,.jpg,.jpeg,.svg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      {upload.error && <ErrorAlert error={upload.error} />}
      <Button type="submit" variant="secondary" data-size="sm" disabled={!file} loading={upload.isPending}>
        {t('connections.uploadDocument')}
      </Button>
    </form>
  );
}
