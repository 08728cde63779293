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

  it('creates a competence, requires it on a sensitive role given by hand, and the held role becomes active when the competence is recorded', async () => {
    const { page } = session;
    await page.goto('/access/competences');
    await page.getByRole('heading', { level: 1, name: 'Kompetanse' }).waitFor();
    await page.getByRole('textbox', { name: 'Navn' }).fill('Nattevaktkurs');
    await page.getByRole('spinbutton', { name: 'Gyldig i antall måneder' }).fill('12');
    await page.getByRole('button', { name: 'Opprett kompetanse' }).click();
    await page.getByRole('row').filter({ hasText: 'Nattevaktkurs' }).getByRole('cell', { name: '12 måneder' }).waitFor();
    await page.getByText('Nattevaktkurs er opprettet.').waitFor();

    await page.goto('/access');
    await page.getByRole('textbox', { name: 'Navn' }).fill('Nattevakt omsorg');
    await page.getByRole('button', { name: 'Opprett forretningsrolle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nattevakt omsorg' }).waitFor();
    const systemRoles = page.getByRole('region', { name: 'Systemroller rollen gir' });
    await systemRoles.getByRole('combobox', { name: 'Legg til systemrolle' }).selectOption({ label: 'Omsorgsjournal – Sykepleier' });
    await systemRoles.getByRole('button', { name: 'Legg til', exact: true }).click();
    await systemRoles.getByRole('cell', { name: 'Sykepleier', exact: true }).waitFor();
    const required = page.getByRole('region', { name: 'Påkrevd kompetanse' });
    await required.getByRole('combobox', { name: 'Krev kompetanse' }).selectOption({ label: 'Nattevaktkurs' });
    await required.getByRole('button', { name: 'Legg til', exact: true }).click();
    await required.getByRole('listitem').filter({ hasText: 'Nattevaktkurs' }).waitFor();

    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { personId: string } });
    await page.goto(`/people/${me.user.personId}`);
    const access = page.getByRole('region', { name: 'Tilganger' });
    await access.getByRole('combobox', { name: 'Forretningsrolle' }).selectOption({ label: 'Nattevakt omsorg' });
    await access.getByRole('textbox', { name: 'Begrunnelse' }).fill('Dekker nattevakter i desember.');
    await access.getByRole('button', { name: 'Gi rollen' }).click();
    await access.getByText('Nattevakt omsorg er gitt.').waitFor();
    await access.getByText('Begrunnelse: Dekker nattevakter i desember.').waitFor();
    const row = access.getByRole('table', { name: /Hvorfor .* har disse tilgangene/ }).getByRole('row').filter({ hasText: 'Nattevakt omsorg' });
    await row.getByText('Holdt tilbake').waitFor();
    await row.getByText('Mangler kompetanse: Nattevaktkurs').waitFor();

    await access.getByRole('combobox', { name: 'Kompetanse' }).selectOption({ label: 'Nattevaktkurs' });
    expect(await access.getByLabel('Utløper').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await access.getByRole('button', { name: 'Registrer kompetanse' }).click();
    await access.getByText('Nattevaktkurs er registrert.').waitFor();
    await row.getByText('Gis', { exact: true }).waitFor();
    expect(await row.getByText('Mangler kompetanse').count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'the access forms on a person page');

    await access.getByRole('button', { name: 'Avslutt Nattevakt omsorg' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('sets the owner of a business role and changes a system role from its system page', async () => {
    const { page } = session;
    await page.goto('/access');
    await page.getByRole('table', { name: 'Forretningsroller' }).getByRole('link', { name: 'Sykepleier hjemmetjenesten' }).click();
    const edit = page.getByRole('region', { name: 'Endre forretningsrollen' });
    await edit.getByRole('searchbox', { name: 'Søk etter rolleeier' }).fill('an');
    const owners = edit.getByRole('group', { name: 'Rolleeier' }).getByRole('radio');
    await owners.nth(2).waitFor();
    // The chosen person moves up to "current", so hold on to them by id.
    const [ownerId, inputId] = await owners.last().evaluate((input: HTMLInputElement) => [input.value, input.id]);
    const name = (await edit.locator(`label[for="${inputId}"]`).innerText()).trim();
    await edit.locator(`input[value="${ownerId}"]`).check();
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await edit.getByText('Endringene er lagret.').waitFor();
    await page.locator(`.access-facts a[href="/people/${ownerId}"]`, { hasText: name }).waitFor();

    await page.getByRole('region', { name: 'Systemroller rollen gir' }).getByRole('link', { name: 'Omsorgsjournal' }).first().click();
    const roles = page.getByRole('region', { name: 'Systemroller' });
    await roles.getByRole('button', { name: 'Endre Sykepleier' }).click();
    const form = page.getByRole('region', { name: 'Endre systemrollen Sykepleier' });
    await form.getByRole('textbox', { name: 'Tilgangsnivå' }).fill('Journal og legemidler, hele kommunen');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await roles.getByRole('cell', { name: 'Journal og legemidler, hele kommunen' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the system roles of a system');
  });
});
