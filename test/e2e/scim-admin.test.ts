import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('the SCIM admin page in the browser', () => {
  const session = useBrowserSession();

  it('shows an administrator the SCIM address, how to make a token, the demo client and its activity, without serious accessibility problems', async () => {
    const { page, baseUrl } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.getByRole('navigation').getByRole('link', { name: 'SCIM', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'SCIM – personer og grupper fra HR og Entra ID' }).waitFor();
    expect(await page.getByTestId('scim-endpoint').textContent()).toBe(`${baseUrl}/scim/v2`);
    await page.getByText('npx grunnmur token create --tenant KORTNAVN --role scim_client').waitFor();
    await page.getByRole('table', { name: 'SCIM-nøkler' }).getByRole('cell', { name: 'Entra ID (demo)' }).waitFor();
    const activity = page.getByRole('table', { name: 'De siste endringene SCIM-klienter har gjort' });
    await activity.waitFor();
    expect(await activity.getByRole('cell', { name: 'SCIM: Entra ID (demo)' }).count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page, 'the SCIM page');
  });

  it('does not offer the page to an employee', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await signInAsDemoPerson(page, 'Ansatt');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'SCIM', exact: true }).count()).toBe(0);
    await page.goto('/settings/scim');
    await page.getByText('Bare administratorer kan se SCIM-oppsettet.').waitFor();
  });
});
