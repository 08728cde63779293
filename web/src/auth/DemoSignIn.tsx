import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, setCsrfToken } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { sessionQueryKey } from '../app/session';
import { safeNext } from './next-path';
import { useDemoUsers, type DemoUser } from './queries';
import { appRoles, primaryRole } from './roles';

function groupByRole(users: DemoUser[]): [string, DemoUser[]][] {
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) {
    const role = primaryRole(user.roles);
    groups.set(role, [...(groups.get(role) ?? []), user]);
  }
  const order = (role: string) => {
    const index = (appRoles as readonly string[]).indexOf(role);
    return index === -1 ? appRoles.length : index;
  };
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b));
}

export function DemoSignIn({ tenant }: { tenant: string }) {
  const { t } = useTranslation('auth');
  const users = useDemoUsers(tenant, true);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (userId: string) => api.post<{ csrfToken: string }>('/api/auth/demo-sign-in', { tenant, userId }),
    onSuccess: async ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      queryClient.removeQueries();
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      await navigate(safeNext(params.get('next')));
    },
  });

  return (
    <section aria-labelledby="demo-heading" className="sign-in__section">
      <Heading level={2} data-size="md" id="demo-heading">
        {t('demo.heading')}
      </Heading>
      <Paragraph>{t('demo.intro')}</Paragraph>
      {signIn.error && <ErrorAlert error={signIn.error} />}
      {users.isPending && <PageLoading />}
      {users.error && <ErrorAlert error={users.error} />}
      {users.data?.length === 0 && <Paragraph>{t('demo.none')}</Paragraph>}
      {users.data && (
        <div className="sign-in__roles">
          {groupByRole(users.data).map(([role, people]) => (
            <section key={role} aria-labelledby={`role-${role}`} className="sign-in__role">
              <Heading level={3} data-size="xs" id={`role-${role}`}>
                {t(`roles.${role}`, { defaultValue: role })}
              </Heading>
              <ul className="sign-in__people">
                {people.map((person) => (
                  <li key={person.id}>
                    <Card data-color="neutral" className="sign-in__person">
                      <div>
                        <Paragraph className="sign-in__person-name">{person.displayName}</Paragraph>
                        <Paragraph data-size="sm" className="sign-in__person-meta">
                          {[person.position, person.unit].filter(Boolean).join(' · ') || t('demo.noEmployment')}
                        </Paragraph>
                      </div>
                      <Button
                        variant="secondary"
                        onClick={() => signIn.mutate(person.id)}
                        loading={signIn.isPending && signIn.variables === person.id}
                        disabled={signIn.isPending}
                      >
                        {t('demo.signInAs', { name: person.displayName })}
                      </Button>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
