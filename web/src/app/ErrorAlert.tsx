import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** A failed request, said in the words the server chose (Norwegian problem+json detail). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('app');
  // The detail is the server's own sentence for this case; the title is the general one for the code.
  const text = error instanceof ApiError ? (error.detail ?? error.title) : t('error.generic');
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}
