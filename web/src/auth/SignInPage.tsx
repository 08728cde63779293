import { Alert, Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { withQuery } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { DemoSignIn } from './DemoSignIn';
import { useSignInOptions } from './queries';

const knownErrors = new Set([
  'oidc_not_configured',
  'oidc_unavailable',
  'oidc_state_mismatch',
  'oidc_denied',
  'oidc_failed',
  'oidc_tenant_missing',
  'oidc_account_conflict',
]);

export function SignInPage() {
  const { t } = useTranslation('auth');
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const options = useSignInOptions();
  const error = params.get('error');
  const tenants = options.data?.tenants ?? [];
  const tenant = params.get('tenant') ?? (tenants.some((item) => item.slug === 'demo') ? 'demo' : (tenants[0]?.slug ?? 'demo'));

  const chooseTenant = (slug: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('tenant', slug);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <span className="app-header__product">Grunnmur</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in__main">
        <Heading level={1} data-size="xl">
          {t('title')}
        </Heading>
        <Paragraph>{t('intro')}</Paragraph>
        {error && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{knownErrors.has(error) ? t(`errors.${error}`) : t('errors.generic')}</Paragraph>
          </Alert>
        )}
        {options.isPending && <PageLoading />}
        {options.error && <ErrorAlert error={options.error} />}
        {options.data && (
          <>
            {tenants.length > 1 && (
              <Field>
                <Label>{t('municipality')}</Label>
                <Select value={tenant} onChange={(event) => chooseTenant(event.target.value)} width="auto">
                  {tenants.map((item) => (
                    <Select.Option key={item.slug} value={item.slug}>
                      {item.name}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            )}
            {options.data.oidc && (
              <section aria-labelledby="oidc-heading" className="sign-in__section">
                <Heading level={2} data-size="md" id="oidc-heading">
                  {t('oidc.heading')}
                </Heading>
                <div>
                  <Button asChild>
                    <a href={withQuery('/api/auth/oidc/start', { tenant, returnTo: params.get('next') ?? undefined })}>{t('oidc.button')}</a>
                  </Button>
                </div>
              </section>
            )}
            {options.data.demo && <DemoSignIn tenant={tenant} />}
            {!options.data.demo && !options.data.oidc && (
              <Alert data-color="warning">
                <Paragraph>{t('noMethods')}</Paragraph>
              </Alert>
            )}
          </>
        )}
      </main>
    </div>
  );
}
