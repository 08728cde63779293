import { Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { Highlighted } from './Highlighted';
import type { SearchHit } from './model';
import { PortalSearchBox } from './PortalSearchBox';
import { PortalSubNav } from './PortalNav';
import { useSearch } from './queries';
import './portal.css';

function hitLink(hit: SearchHit): { to: string; external: boolean } {
  if (hit.kind === 'process') return { to: `/portal/processes/${hit.id}`, external: false };
  if (hit.kind === 'system') return { to: `/systems/${hit.id}`, external: false };
  return { to: `/api/documents/${hit.id}/file`, external: true };
}

export function SearchPage() {
  const { t } = useTranslation('portal');
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const results = useSearch(q);
  usePageTitle(t('search.title'));
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('search.title')}
      </Heading>
      <PortalSubNav />
      <PortalSearchBox key={q} initial={q} />
      {results.isFetching && <Spinner aria-label={t('loading')} />}
      {results.error && <ErrorAlert error={results.error} />}
      {results.data && (
        <>
          <Paragraph role="status">{t('search.count', { count: results.data.items.length, q })}</Paragraph>
          <ol className="portal-hits">
            {results.data.items.map((hit) => {
              const link = hitLink(hit);
              return (
                <li key={`${hit.kind}-${hit.id}`}>
                  <Tag data-size="sm">{t(`kind.${hit.kind}`)}</Tag>{' '}
                  {link.external ? (
                    <Link href={link.to}>{hit.title}</Link>
                  ) : (
                    <Link asChild>
                      <RouterLink to={link.to}>{hit.title}</RouterLink>
                    </Link>
                  )}
                  {hit.snippet && (
                    <Paragraph data-size="sm" className="portal-snippet">
                      <Highlighted text={hit.snippet} />
                    </Paragraph>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
