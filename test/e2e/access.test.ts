import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('access in the browser', () => {
  const session = useBrowserSession();

  it('lists the business roles and shows one with its system roles, rules and required competences, without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Rollemodell', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Forretningsroller' }).waitFor();
    const table = page.getByRole('table', { name: 'Forretningsroller' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(20);
    await expectNoSeriousAxeViolations(page, 'the business roles page');

    await table.getByRole('link', { name: 'Sykepleier hjemmetjenesten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sykepleier hjemmetjenesten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tildelingsregler' }).waitFor();
    await page.getByText('Opplæring i Omsorgsjournal').first().waitFor();
    await page.getByRole('cell', { name: 'Omsorgsjournal' }).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'a business role page');
  });

  it('shows on a person page why they have their access, computed when the demo loaded', async () => {
    const { page } = session;
    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { personId: string | null } });
    expect(me.user.personId).toBeTruthy();
    await page.goto(`/people/${me.user.personId}`);
    await page.getByRole('heading', { level: 2, name: 'Tilganger' }).waitFor();
    const why = page.getByRole('table', { name: /Hvorfor .* har disse tilgangene/ });
    await why.waitFor();
    await why.getByText('Ansatt i kommunen').first().waitFor();
    await why.getByText('Ikke avstemt ennå').first().waitFor();
    await expectNoSeriousAxeViolations(page, 'the access section of a person page');
  });
});
