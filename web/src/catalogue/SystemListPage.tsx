import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { Paginator } from '../app/Paginator';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { ImportExportPanel } from '../transfer/ImportExportPanel';
import { systemPageSize, useSystemListState } from './list-state';
import { useSystemList } from './queries';
import { SystemFilters } from './SystemFilters';
import { SystemTable } from './SystemTable';

export function SystemListPage() {
  const { t } = useTranslation('catalogue');
  usePageTitle(t('title'));
  const { can } = useSession();
  const state = useSystemListState();
  const list = useSystemList(state.query);

  return (
    <div className="page">
      <div className="page-header">
        <Heading level={1} data-size="lg">
          {t('title')}
        </Heading>
        {can('catalogue:write') && (
          <Button asChild>
            <RouterLink to="/systems/new">{t('newSystem')}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{t('intro')}</Paragraph>
      <SystemFilters state={state} />
      <div className="list-status" role="status">
        {list.data && <Paragraph data-size="sm">{t('list.total', { count: list.data.total })}</Paragraph>}
        {list.isFetching && <Spinner aria-hidden data-size="xs" />}
      </div>
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t('list.none')}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <SystemTable systems={list.data.items} sort={state.query.sort} order={state.query.order} onSort={state.sortBy} />
      )}
      {list.data && (
        <Paginator
          page={state.query.page}
          pageSize={systemPageSize}
          total={list.data.total}
          label={t('list.pagination')}
          onChange={(page) => state.update({ page })}
        />
      )}
      <ImportExportPanel kind="systems" />
    </div>
  );
}
