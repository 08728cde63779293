/** Username and e-mail templates, reserved words and the sponsor reminder: for administrators. */
import { Alert, Button, Heading, Paragraph, Spinner, Textarea, Textfield, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { IdentityNav } from './IdentityNav';
import { useSaveSettings, useSettings } from './queries';

export function IdentitySettingsPage() {
  const { t } = useTranslation('identity');
  usePageTitle(t('settings.title'));
  const settings = useSettings();
  const save = useSaveSettings();
  const [usernameTemplate, setUsernameTemplate] = useState('');
  const [emailTemplate, setEmailTemplate] = useState('');
  const [emailDomain, setEmailDomain] = useState('');
  const [reserved, setReserved] = useState('');
  const [reminderDays, setReminderDays] = useState('14');

  useEffect(() => {
    if (!settings.data) return;
    setUsernameTemplate(settings.data.usernameTemplate);
    setEmailTemplate(settings.data.emailTemplate);
    setEmailDomain(settings.data.emailDomain);
    setReserved(settings.data.reservedWords.join('\n'));
    setReminderDays(String(settings.data.guestReminderDays));
  }, [settings.data]);

  const problems = save.error instanceof ApiError ? save.error.problems : [];
  const fieldError = (field: string) => problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(' ') || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      usernameTemplate,
      emailTemplate,
      emailDomain,
      reservedWords: reserved.split(/[\s,]+/).map((word) => word.trim()).filter(Boolean),
      guestReminderDays: Number(reminderDays),
    });
  };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('settings.title')}
      </Heading>
      <IdentityNav />
      <Paragraph>{t('settings.intro')}</Paragraph>
      {settings.isPending && <Spinner aria-label={t('loading')} />}
      {settings.error && <ErrorAlert error={settings.error} />}
      {settings.data && (
        <form onSubmit={submit} noValidate className="identity-form">
          <Textfield label={t('settings.usernameTemplate')} description={t('settings.usernameHint')} value={usernameTemplate} onChange={(event) => setUsernameTemplate(event.target.value)} error={fieldError('usernameTemplate')} required />
          <Textfield label={t('settings.emailTemplate')} description={t('settings.emailHint')} value={emailTemplate} onChange={(event) => setEmailTemplate(event.target.value)} error={fieldError('emailTemplate')} required />
          <Textfield label={t('settings.emailDomain')} value={emailDomain} onChange={(event) => setEmailDomain(event.target.value)} error={fieldError('emailDomain')} required />
          <Field>
            <Label>{t('settings.reserved')}</Label>
            <Field.Description>{t('settings.reservedHint')}</Field.Description>
            <Textarea rows={4} value={reserved} onChange={(event) => setReserved(event.target.value)} />
            {fieldError('reservedWords') && <ValidationMessage>{fieldError('reservedWords')}</ValidationMessage>}
          </Field>
          <Textfield label={t('settings.reminderDays')} type="number" min={1} max={180} value={reminderDays} onChange={(event) => setReminderDays(event.target.value)} error={fieldError('guestReminderDays')} />
          <div aria-live="polite">{save.isSuccess && <Alert data-color="success">{t('settings.saved')}</Alert>}</div>
          {save.error && problems.length === 0 && <ErrorAlert error={save.error} />}
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </form>
      )}
    </>
  );
}
