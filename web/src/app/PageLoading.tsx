import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation('app');
  return (
    <div className="page-loading">
      <Spinner aria-label={t('loading')} data-size="lg" />
    </div>
  );
}
