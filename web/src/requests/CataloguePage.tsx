/** "Be om tilgang": the roles one may ask for, in plain language, with search and a request dialog. */
import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useDebounced } from '../app/use-debounced';
import { RequestDialog } from './RequestDialog';
import { useCatalogue, type CatalogueRole } from './queries';

export function CataloguePage() {
  const { t } = useTranslation('requests');
  usePageTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const search = useDebounced(query.trim(), 250);
  const catalogue = useCatalogue(search);
  const [asking, setAsking] = useState<CatalogueRole | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const onSearch = (value: string) => {
    setQuery(value);
    setParams(value.trim() ? { q: value.trim() } : {}, { replace: true });
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('catalogue.title')}
      </Heading>
      <Paragraph>{t('catalogue.intro')}</Paragraph>
      {message && (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      <Textfield type="search" label={t('catalogue.search')} description={t('catalogue.searchHint')} value={query} onChange={(event) => onSearch(event.target.value)} autoComplete="off" />
      <p className="visually-hidden" aria-live="polite">
        {catalogue.data && search ? t('catalogue.found', { count: catalogue.data.items.length }) : ''}
      </p>
      {catalogue.isPending && <PageLoading />}
      {catalogue.error && <ErrorAlert error={catalogue.error} />}
      {catalogue.data?.items.length === 0 && <Paragraph>{t('catalogue.empty')}</Paragraph>}
      {catalogue.data && catalogue.data.items.length > 0 && (
        <ul className="requests-list" aria-label={t('catalogue.listLabel')}>
          {catalogue.data.items.map((role) => (
            <li key={role.id}>
              <Card data-color="neutral">
                <div className="requests-card-head">
                  <Heading level={2} data-size="xs">
                    {role.name}
                  </Heading>
                  {role.sensitive && (
                    <Tag data-color="warning" data-size="sm">
                      {t('catalogue.sensitive')}
                    </Tag>
                  )}
                </div>
                <Paragraph>{role.description}</Paragraph>
                {role.systems.length > 0 && (
                  <Paragraph data-size="sm" className="requests-meta">
                    {t('catalogue.systems', { systems: role.systems.map((s) => s.name).join(', ') })}
                  </Paragraph>
                )}
                <div className="requests-actions">
                  {role.held ? (
                    <Tag data-color="success">{t('catalogue.held')}</Tag>
                  ) : role.pendingRequestId ? (
                    <Tag data-color="info">{t('catalogue.pending')}</Tag>
                  ) : (
                    <Button variant="secondary" data-size="sm" onClick={() => {
                        setMessage(null);
                        setAsking(role);
                      }}
                    >
                      {t('catalogue.askShort')}
                      <span className="visually-hidden">{` – ${role.name}`}</span>
                    </Button>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <RequestDialog
          role={asking}
          onClose={(sent) => {
            setAsking(null);
            if (sent) setMessage(sent);
          }}
        />
      )}
    </>
  );
}
