import { Alert, Button, Field, Heading, Label, Link, Paragraph, Table, Textarea } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { PageSection } from '../org/PageSection';
import { BpmnViewer } from './BpmnViewer';
import { linkTarget } from './link-targets';
import { ProcessAboutForm } from './ProcessAboutForm';
import { ProcessClassifications } from './ProcessClassifications';
import { ProcessConnections } from './ProcessConnections';
import { StateTag } from './StateTag';
import { useDiff, useGovernance, useInvalidateProcesses, useProcess, useVersion, type ProcessDetail, type VersionDetail } from './queries';

/** One process: its diagram (click a linked element to go there), versions, governance and diff. */
export function ProcessPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('processes');
  const { can } = useSession();
  const process = useProcess(id);
  const [search, setSearch] = useSearchParams();
  usePageTitle(process.data?.name ?? t('process.title'));
  if (process.isPending) return <PageLoading />;
  if (process.error) {
    return (
      <div className="page">
        <ErrorAlert error={process.error} />
      </div>
    );
  }
  const detail = process.data;
  const writer = can('processes:write');
  const visible = detail.versions.filter((v) => writer || ['published', 'superseded', 'retired'].includes(v.state));
  const shownId = search.get('version') ?? detail.published?.id ?? (writer ? detail.latest?.id : undefined);
  return (
    <div className="page">
      <nav aria-label={t('process.breadcrumbs')} className="grm-breadcrumbs">
        <Link asChild>
          <RouterLink to="/processes">{t('hierarchy.title')}</RouterLink>
        </Link>
        {detail.ancestors.map((a) => (
          <span key={a.id}>
            {' / '}
            <Link asChild>
              <RouterLink to={`/processes/${a.id}`}>{a.name}</RouterLink>
            </Link>
          </span>
        ))}
      </nav>
      <Heading level={1} data-size="lg">
        {detail.name}
      </Heading>
      <ProcessFacts detail={detail} />
      <PageSection id="process-classifications" title={t('classify.title')}>
        <ProcessClassifications processId={detail.id} canEdit={can('portal:write')} />
      </PageSection>
      <ProcessConnections detail={detail} canEditServices={writer} canEditDocuments={can('portal:write')} />
      {detail.level !== 'area' && shownId && <ShownVersion versionId={shownId} detail={detail} />}
      {detail.level !== 'area' && !shownId && <Paragraph>{t('process.notPublished')}</Paragraph>}
      {detail.children.length > 0 && (
        <section aria-labelledby="children-heading" className="page-section">
          <Heading level={2} data-size="md" id="children-heading">
            {t('process.children')}
          </Heading>
          <ul>
            {detail.children.map((child) => (
              <li key={child.id}>
                <Link asChild>
                  <RouterLink to={`/processes/${child.id}`}>{child.name}</RouterLink>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {detail.level !== 'area' && visible.length > 0 && (
        <section aria-labelledby="versions-heading" className="page-section">
          <Heading level={2} data-size="md" id="versions-heading">
            {t('versions.title')}
          </Heading>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('versions.version')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.createdBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.approvedBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.show')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {visible.map((v) => (
                <Table.Row key={v.id}>
                  <Table.Cell>{v.version}</Table.Cell>
                  <Table.Cell>
                    <StateTag state={v.state} />
                  </Table.Cell>
                  <Table.Cell>{v.createdBy ?? '–'}</Table.Cell>
                  <Table.Cell>{v.approvedBy ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {v.id === shownId ? (
                      t('versions.shown')
                    ) : (
                      <Button variant="tertiary" data-size="sm" onClick={() => setSearch({ version: v.id })}>
                        {t('versions.showVersion', { version: v.version })}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
    </div>
  );
}

function ProcessFacts({ detail }: { detail: ProcessDetail }) {
  const { t } = useTranslation('processes');
  const { can } = useSession();
  const invalidate = useInvalidateProcesses();
  const [editing, setEditing] = useState(false);
  const confirm = useMutation({ mutationFn: () => api.post(`/api/processes/${detail.id}/confirm-review`), onSuccess: () => invalidate() });
  if (editing) return <ProcessAboutForm detail={detail} onDone={() => setEditing(false)} />;
  return (
    <>
      <dl className="grm-facts">
        <dt>{t('process.level')}</dt>
        <dd>{t(`level.${detail.level}`)}</dd>
        <dt>{t('process.purpose')}</dt>
        <dd>{detail.purpose || '–'}</dd>
        <dt>{t('process.owner')}</dt>
        <dd>{detail.owner ? <RouterLink to={`/people/${detail.owner.id}`}>{detail.owner.name}</RouterLink> : '–'}</dd>
        {detail.published && (
          <>
            <dt>{t('process.lastReviewed')}</dt>
            <dd>
              {detail.published.lastReviewedAt?.slice(0, 10) ?? '–'}{' '}
              {detail.reviewDue && can('processes:write') && (
                <Button data-size="sm" variant="secondary" onClick={() => confirm.mutate()} loading={confirm.isPending}>
                  {t('process.confirmReview')}
                </Button>
              )}
            </dd>
          </>
        )}
        {detail.calledBy.length > 0 && (
          <>
            <dt>{t('process.calledBy')}</dt>
            <dd>
              {detail.calledBy.map((c) => (
                <RouterLink key={c.id} to={`/processes/${c.id}`}>
                  {c.name}
                </RouterLink>
              ))}
            </dd>
          </>
        )}
      </dl>
      {can('processes:write') && (
        <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
          {t('about.edit')}
        </Button>
      )}
    </>
  );
}

function ShownVersion({ versionId, detail }: { versionId: string; detail: ProcessDetail }) {
  const { t } = useTranslation('processes');
  const navigate = useNavigate();
  const version = useVersion(versionId);
  if (version.isPending) return <PageLoading />;
  if (version.error) return <ErrorAlert error={version.error} />;
  const v = version.data;
  return (
    <>
      <section aria-labelledby="diagram-heading" className="page-section">
        <Heading level={2} data-size="md" id="diagram-heading">
          {t('process.diagram', { version: v.version })} <StateTag state={v.state} />
        </Heading>
        <BpmnViewer
          xml={v.xml}
          links={v.links}
          label={t('viewer.labelFor', { name: detail.name })}
          onElementClick={(_id, link) => {
            const target = link && linkTarget(link);
            if (target) void navigate(target);
          }}
        />
        <Paragraph data-size="sm">
          <Link href={`/api/process-versions/${v.id}/bpmn`} download>
            {t('process.exportBpmn')}
          </Link>
        </Paragraph>
      </section>
      <Governance version={v} detail={detail} />
      <Comments version={v} />
      {v.version > 1 && <Diff versionId={v.id} />}
    </>
  );
}

function Governance({ version, detail }: { version: VersionDetail; detail: ProcessDetail }) {
  const { t } = useTranslation('processes');
  const { can } = useSession();
  const navigate = useNavigate();
  const governance = useGovernance(version.id);
  const invalidate = useInvalidateProcesses();
  const draft = useMutation({
    mutationFn: () => api.post<{ versionId: string }>(`/api/processes/${detail.id}/drafts`),
    onSuccess: async (result) => {
      await invalidate();
      void navigate(`/processes/${detail.id}/versions/${result.versionId}/edit`);
    },
  });
  const retire = useMutation({ mutationFn: () => api.post(`/api/processes/${detail.id}/retire`), onSuccess: () => invalidate() });
  if (!can('processes:write')) return null;
  const approver = can('processes:approve');
  return (
    <section aria-labelledby="governance-heading" className="page-section">
      <Heading level={2} data-size="md" id="governance-heading">
        {t('governance.title')}
      </Heading>
      <div className="grm-actions">
        {version.state === 'draft' && (
          <Button asChild>
            <RouterLink to={`/processes/${detail.id}/versions/${version.id}/edit`}>{t('governance.edit')}</RouterLink>
          </Button>
        )}
        {version.state === 'draft' && (
          <Button variant="secondary" onClick={() => governance.mutate({ action: 'submit' })} loading={governance.isPending}>
            {t('governance.submit')}
          </Button>
        )}
        {version.state === 'in_review' && approver && (
          <>
            <Button onClick={() => governance.mutate({ action: 'approve' })} loading={governance.isPending}>
              {t('governance.approve')}
            </Button>
            <Button variant="secondary" onClick={() => governance.mutate({ action: 'return' })}>
              {t('governance.return')}
            </Button>
          </>
        )}
        {version.state === 'approved' && approver && (
          <Button onClick={() => governance.mutate({ action: 'publish' })} loading={governance.isPending}>
            {t('governance.publish')}
          </Button>
        )}
        {(version.state === 'published' || version.state === 'superseded') && (
          <Button variant="secondary" onClick={() => draft.mutate()} loading={draft.isPending}>
            {t('governance.newDraft')}
          </Button>
        )}
        {(version.state === 'published' || version.state === 'superseded' || version.state === 'retired') && !detail.versions.some((v) => ['draft', 'in_review', 'approved'].includes(v.state)) && (
          <ImportVersion processId={detail.id} />
        )}
        {version.state === 'published' && approver && (
          <Button variant="tertiary" data-color="danger" onClick={() => retire.mutate()} loading={retire.isPending}>
            {t('governance.retire')}
          </Button>
        )}
      </div>
      {governance.error && <LintProblem error={governance.error} />}
      {(draft.error || retire.error) && <ErrorAlert error={draft.error ?? retire.error} />}
    </section>
  );
}

/** Import a BPMN file as the process's next draft version. */
function ImportVersion({ processId }: { processId: string }) {
  const { t } = useTranslation('processes');
  const invalidate = useInvalidateProcesses();
  const navigate = useNavigate();
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
      const xml = new TextDecoder(/encoding=["']iso-8859-1["']/i.test(head) ? 'latin1' : 'utf-8').decode(bytes);
      return api.post<{ processId: string; versionId: string }>('/api/processes/import', { xml, processId });
    },
    onSuccess: async (result) => {
      await invalidate();
      void navigate(`/processes/${processId}?version=${result.versionId}`);
    },
  });
  return (
    <span>
      <Label htmlFor="import-version-file">{t('import.asNewVersion')}</Label>{' '}
      <input id="import-version-file" type="file" accept=".bpmn,.xml,application/xml,text/xml" onChange={(event) => event.target.files?.[0] && upload.mutate(event.target.files[0])} />
      {upload.error && <ErrorAlert error={upload.error} />}
    </span>
  );
}

/** A refusal to send to review lists the modelling standard's findings. */
export function LintProblem({ error }: { error: unknown }) {
  const problem = (error as { problem?: { findings?: { level: string; message: string }[] } }).problem;
  const findings = problem?.findings?.filter((f) => f.level === 'error') ?? [];
  if (findings.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{(error as Error).message}</Paragraph>
      <ul>
        {findings.map((f, index) => (
          <li key={index}>{f.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

function Comments({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('processes');
  const { can } = useSession();
  const invalidate = useInvalidateProcesses();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => api.post(`/api/process-versions/${version.id}/comments`, { body }),
    onSuccess: async () => {
      setBody('');
      await invalidate();
    },
  });
  const open = version.state === 'in_review' || version.state === 'draft';
  if (version.comments.length === 0 && !(open && can('processes:write'))) return null;
  return (
    <section aria-labelledby="comments-heading" className="page-section">
      <Heading level={2} data-size="md" id="comments-heading">
        {t('comments.title')}
      </Heading>
      {version.comments.length === 0 ? (
        <Paragraph>{t('comments.none')}</Paragraph>
      ) : (
        <ul>
          {version.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author ?? '–'}</strong>: {c.body}
            </li>
          ))}
        </ul>
      )}
      {open && can('processes:write') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Field>
            <Label htmlFor="comment-body">{t('comments.add')}</Label>
            <Textarea id="comment-body" value={body} onChange={(event) => setBody(event.target.value)} rows={3} />
          </Field>
          {add.error && <ErrorAlert error={add.error} />}
          <Button type="submit" variant="secondary" data-size="sm" loading={add.isPending}>
            {t('comments.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Diff({ versionId }: { versionId: string }) {
  const { t } = useTranslation('processes');
  const diff = useDiff(versionId);
  if (!diff.data) return null;
  const d = diff.data;
  const name = (e: { name: string | null; id: string }) => e.name ?? e.id;
  const empty = !d.added.length && !d.removed.length && !d.renamed.length && !d.relinked.length;
  return (
    <section aria-labelledby="diff-heading" className="page-section grm-diff">
      <Heading level={2} data-size="md" id="diff-heading">
        {t('diff.title', { from: d.from.version, to: d.to.version })}
      </Heading>
      {empty && <Paragraph>{t('diff.none')}</Paragraph>}
      <ul>
        {d.added.map((e) => (
          <li key={`a-${e.id}`}>
            <ins>{t('diff.added', { name: name(e) })}</ins>
          </li>
        ))}
        {d.removed.map((e) => (
          <li key={`r-${e.id}`}>
            <del>{t('diff.removed', { name: name(e) })}</del>
          </li>
        ))}
        {d.renamed.map((e) => (
          <li key={`n-${e.id}`}>{t('diff.renamed', { from: e.from ?? e.id, to: name(e) })}</li>
        ))}
        {d.relinked.map((e) => (
          <li key={`l-${e.id}`}>{t('diff.relinked', { name: name(e), from: e.from.join(', ') || '–', to: e.to.join(', ') || '–' })}</li>
        ))}
      </ul>
      {(d.flowsAdded > 0 || d.flowsRemoved > 0) && <Paragraph data-size="sm">{t('diff.flows', { added: d.flowsAdded, removed: d.flowsRemoved })}</Paragraph>}
    </section>
  );
}
