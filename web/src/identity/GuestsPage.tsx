/** Guests and consultants: each with a sponsor and an end date; add one in a dialog. */
import { Button, Dialog, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield, ToggleGroup, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { PersonPicker } from '../org/PersonPicker';
import { useOrgUnits, type Ref } from '../org/queries';
import { RouteLink } from '../org/RouteLink';
import { IdentityNav, useDay } from './IdentityNav';
import { useGuests, useRegisterGuest } from './queries';

export function GuestsPage() {
  const { t } = useTranslation('identity');
  usePageTitle(t('guests.title'));
  const session = useSession();
  const mayManage = session.can('identity:schedule');
  const [scope, setScope] = useState<'mine' | 'all'>(mayManage ? 'all' : 'mine');
  const guests = useGuests(scope);
  const day = useDay();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  return (
    <>
      <Heading level={1} data-size="lg">
        {t('guests.title')}
      </Heading>
      <IdentityNav />
      <Paragraph>{t('guests.intro')}</Paragraph>
      {mayManage && session.user.personId && (
        <ToggleGroup value={scope} onChange={(value) => setScope(value as 'mine' | 'all')} data-size="sm" aria-label={t('guests.scope')}>
          <ToggleGroup.Item value="all">{t('guests.all')}</ToggleGroup.Item>
          <ToggleGroup.Item value="mine">{t('guests.mine')}</ToggleGroup.Item>
        </ToggleGroup>
      )}
      {mayManage && (
        <div className="identity-actions">
          <Button ref={addButton} onClick={() => { setMessage(null); setAdding(true); }}>
            {t('guests.add')}
          </Button>
        </div>
      )}
      <p aria-live="polite">{message ?? ''}</p>
      {guests.isPending && <Spinner aria-label={t('loading')} />}
      {guests.error && <ErrorAlert error={guests.error} />}
      {guests.data &&
        (guests.data.length === 0 ? (
          <Paragraph>{t('guests.none')}</Paragraph>
        ) : (
          <div className="identity-table-wrap">
            <Table zebra>
              <caption className="identity-visually-hidden">{t('guests.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('guests.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('guests.kind')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('guests.sponsor')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('guests.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('guests.endDate')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('guests.username')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('guests.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {guests.data.map((guest) => (
                  <Table.Row key={guest.personId}>
                    <Table.Cell>
                      <RouteLink to={`/people/${guest.personId}`}>{guest.name}</RouteLink>
                    </Table.Cell>
                    <Table.Cell>{t(`guests.kinds.${guest.kind}`)}</Table.Cell>
                    <Table.Cell>
                      <RouteLink to={`/people/${guest.sponsorPersonId}`}>{guest.sponsorName}</RouteLink>
                    </Table.Cell>
                    <Table.Cell>{guest.unitName ?? '–'}</Table.Cell>
                    <Table.Cell>{day(guest.endDate)}</Table.Cell>
                    <Table.Cell>{guest.username ?? '–'}</Table.Cell>
                    <Table.Cell>{guest.endedAt ? t('guests.ended') : guest.remindedAt ? t('guests.reminded') : t('guests.active')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
      {adding && (
        <AddGuestDialog
          onClose={(done) => {
            setAdding(false);
            if (done) setMessage(done);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      )}
    </>
  );
}

function AddGuestDialog({ onClose }: { onClose(message?: string): void }) {
  const { t } = useTranslation('identity');
  const units = useOrgUnits();
  const register = useRegisterGuest();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [kind, setKind] = useState<'guest' | 'consultant'>('consultant');
  const [sponsor, setSponsor] = useState<Ref | null>(null);
  const [orgUnitId, setOrgUnitId] = useState('');
  const [endDate, setEndDate] = useState('');
  const [purpose, setPurpose] = useState('');
  const problems = register.error instanceof ApiError ? register.error.problems : [];
  const fieldError = (field: string) => problems.find((problem) => problem.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(
      { givenName, familyName, kind, sponsorPersonId: sponsor?.id ?? '', orgUnitId, endDate, purpose },
      { onSuccess: (created) => onClose(t('guests.added', { name: `${givenName} ${familyName}`, username: created.username ?? '' })) },
    );
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="add-guest-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit} noValidate>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="add-guest-heading">
            {t('guests.addHeading')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block className="identity-form">
          <Textfield label={t('guests.givenName')} value={givenName} onChange={(event) => setGivenName(event.target.value)} error={fieldError('givenName')} required autoComplete="off" />
          <Textfield label={t('guests.familyName')} value={familyName} onChange={(event) => setFamilyName(event.target.value)} error={fieldError('familyName')} required autoComplete="off" />
          <Field>
            <Label>{t('guests.kind')}</Label>
            <Select value={kind} onChange={(event) => setKind(event.target.value as 'guest' | 'consultant')}>
              <Select.Option value="consultant">{t('guests.kinds.consultant')}</Select.Option>
              <Select.Option value="guest">{t('guests.kinds.guest')}</Select.Option>
            </Select>
          </Field>
          <PersonPicker legend={t('guests.sponsor')} searchLabel={t('guests.sponsorSearch')} noneLabel={t('guests.noSponsor')} value={sponsor} onChange={setSponsor} name="sponsor" error={fieldError('sponsorPersonId')} />
          <Field>
            <Label>{t('guests.unit')}</Label>
            <Select value={orgUnitId} onChange={(event) => setOrgUnitId(event.target.value)} aria-invalid={Boolean(fieldError('orgUnitId')) || undefined}>
              <Select.Option value="">{t('guests.chooseUnit')}</Select.Option>
              {(units.data ?? []).map((unit) => (
                <Select.Option key={unit.id} value={unit.id}>
                  {unit.name}
                </Select.Option>
              ))}
            </Select>
            {fieldError('orgUnitId') && <ValidationMessage>{fieldError('orgUnitId')}</ValidationMessage>}
          </Field>
          <Textfield label={t('guests.endDate')} description={t('guests.endDateHint')} type="date" value={endDate} onChange={(event) => setEndDate(event.target.value)} error={fieldError('endDate')} required />
          <Textfield label={t('guests.purpose')} value={purpose} onChange={(event) => setPurpose(event.target.value)} error={fieldError('purpose')} />
          {register.error && problems.length === 0 && <ErrorAlert error={register.error} />}
        </Dialog.Block>
        <Dialog.Block className="identity-actions">
          <Button type="submit" loading={register.isPending}>
            {t('guests.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onClose()}>
            {t('dialog.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
