import { Pagination, usePagination } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Page links under a list; hidden when everything fits on one page. */
export function Paginator({
  page,
  pageSize,
  total,
  label,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  label: string;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation('app');
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: Math.min(page, totalPages),
    totalPages,
    showPages: 7,
    setCurrentPage: onChange,
  });
  if (totalPages <= 1) return null;
  return (
    <Pagination aria-label={label}>
      <Pagination.List>
        <Pagination.Item>
          <Pagination.Button {...prevButtonProps} aria-label={t('pagination.previous')}>
            {t('pagination.previous')}
          </Pagination.Button>
        </Pagination.Item>
        {pages.map(({ page: number, itemKey, buttonProps }) => (
          <Pagination.Item key={itemKey}>
            {typeof number === 'number' && (
              <Pagination.Button {...buttonProps} aria-label={t('pagination.page', { page: number })}>
                {number}
              </Pagination.Button>
            )}
          </Pagination.Item>
        ))}
        <Pagination.Item>
          <Pagination.Button {...nextButtonProps} aria-label={t('pagination.next')}>
            {t('pagination.next')}
          </Pagination.Button>
        </Pagination.Item>
      </Pagination.List>
    </Pagination>
  );
}
