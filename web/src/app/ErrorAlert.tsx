import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** A failed request, said in the words the server chose (Norwegian problem+json detail). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('app');
  const text =
    error instanceof ApiError ? [error.title, error.detail].filter((part, index, all) => part && all.indexOf(part) === index).join(' ') : t('error.generic');
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}
