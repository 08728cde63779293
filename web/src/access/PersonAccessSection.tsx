/**
 * The "Tilganger" part of a person's page: "why does Kari have this?" — each desired system role
 * with its reasons (rule, request, delegation), the competences that hold anything back, and how it
 * compares with what the target systems report.
 */
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useSession } from '../app/session';
import type { PersonSectionProps } from '../org/person-sections';
import { RouteLink } from '../org/RouteLink';
import { SensitivityTag } from './BusinessRolePage';
import { PersonAssignments, PersonCompetences } from './PersonAccessForms';
import { usePersonEntitlements, type TargetState } from './queries';

const targetColor: Record<TargetState, string> = { present: 'success', missing: 'warning', not_reconciled: 'neutral', held_back: 'danger' };

export function PersonAccessSection({ personId, givenName }: PersonSectionProps) {
  const { t, i18n } = useTranslation('access');
  const session = useSession();
  const allowed = session.can('access:people') || session.user.personId === personId;
  const access = usePersonEntitlements(personId, allowed);
  if (!allowed) return null;
  const editable = session.can('access:write');
  const day = (value: string | null) => (value ? new Date(`${value.slice(0, 10)}T00:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO') : '–');

  return (
    <section className="org-section" aria-labelledby="person-access-heading">
      <Heading level={2} data-size="sm" id="person-access-heading">
        {t('person.heading')}
      </Heading>
      {access.error && <ErrorAlert error={access.error} />}
      {access.data && access.data.entitlements.length === 0 && <Paragraph>{t('person.none', { name: givenName })}</Paragraph>}
      {access.data && access.data.entitlements.length > 0 && (
        <div className="access-table-wrap">
          <Table data-size="sm">
            <caption>{t('person.caption', { name: givenName })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('systemRoles.system')}</Table.HeaderCell>
                <Table.HeaderCell>{t('systemRoles.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.why')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.state')}</Table.HeaderCell>
                <Table.HeaderCell>{t('person.target')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {access.data.entitlements.map((entitlement) => (
                <Table.Row key={entitlement.systemRoleId}>
                  <Table.Cell>
                    <RouteLink to={`/systems/${entitlement.systemId}`}>{entitlement.systemName}</RouteLink>
                  </Table.Cell>
                  <Table.Cell>
                    {entitlement.systemRoleName} {entitlement.sensitivity === 'sensitive' && <SensitivityTag sensitivity="sensitive" />}
                  </Table.Cell>
                  <Table.Cell>
                    <ul className="access-reasons">
                      {entitlement.reasons.map((reason) => (
                        <li key={`${reason.kind}-${reason.businessRoleId}-${reason.description}`}>
                          <RouteLink to={`/access/business-roles/${reason.businessRoleId}`}>{reason.businessRoleName}</RouteLink>: {reason.description}
                        </li>
                      ))}
                    </ul>
                    {entitlement.missingCompetences.length > 0 && (
                      <Paragraph data-size="sm" className="access-flag">
                        {t('person.missing', { names: entitlement.missingCompetences.map((c) => c.name).join(', ') })}
                      </Paragraph>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={entitlement.state === 'held' ? 'danger' : 'success'} data-size="sm">
                      {t(`person.states.${entitlement.state}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={targetColor[entitlement.target]} data-size="sm">
                      {t(`person.targets.${entitlement.target}`)}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {access.data && access.data.excess.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('person.excess')}
          </Heading>
          <ul className="access-list">
            {access.data.excess.map((role) => (
              <li key={`${role.systemRoleId}-${role.username}`}>{t('person.excessItem', { system: role.systemName, role: role.systemRoleName, username: role.username })}</li>
            ))}
          </ul>
        </>
      )}
      {access.data && (
        <>
          <PersonCompetences personId={personId} data={access.data} day={day} editable={editable} />
          <PersonAssignments personId={personId} data={access.data} day={day} editable={editable} />
          {access.data.computedAt && <Paragraph data-size="sm">{t('person.computedAt', { date: day(access.data.computedAt) })}</Paragraph>}
        </>
      )}
    </section>
  );
}
