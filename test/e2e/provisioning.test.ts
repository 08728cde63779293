import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('provisioning in the browser', () => {
  const session = useBrowserSession();

  it('shows the failed operation with its error and a retry button, without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Provisjonering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kø og feil' }).waitFor();
    const table = page.getByRole('table', { name: 'Provisjoneringsoppgaver med status Feilet' });
    await table.waitFor();
    const rows = (await table.getByRole('row').allTextContents()).slice(1);
    expect(rows.some((row) => row.includes('svarer ikke') && row.includes('Microsoft 365')), JSON.stringify(rows)).toBe(true);
    await table.getByRole('button', { name: 'Prøv igjen' }).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'the queue page with a failure');
  });

  it('lets the administrator tick off a manual task', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Provisjonering' }).getByRole('link', { name: /Manuelle oppgaver/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Manuelle oppgaver' }).waitFor();
    const table = page.getByRole('table', { name: 'Åpne manuelle oppgaver' });
    await table.waitFor();
    const before = await table.getByRole('row').count();
    expect(before).toBeGreaterThan(1);
    await expectNoSeriousAxeViolations(page, 'the manual tasks page');
    await table.getByRole('button', { name: 'Marker som utført' }).first().click();
    await page.getByRole('status').getByText(/er markert som utført/).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(before - 1);
    expect(await page.getByRole('link', { name: 'Last ned som CSV' }).getAttribute('href')).toContain('/api/provisioning/manual-tasks.csv');
  });

  it('shows connectors without their secrets, and the held runs and reconciliation pages', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Provisjonering' }).getByRole('link', { name: 'Koblinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koblinger til systemene' }).waitFor();
    await page.getByRole('button', { name: 'Endre koblingen for Microsoft 365' }).click();
    const form = page.getByRole('form', { name: 'Kobling for Microsoft 365' });
    await form.waitFor();
    expect(await form.getByLabel('Tilgangsnøkkel (bearer token)').inputValue()).toBe('');
    expect(await form.getByLabel('SCIM-adresse (https://…/scim/v2)').inputValue()).toContain('demo.invalid');
    await expectNoSeriousAxeViolations(page, 'the connectors page with a form');

    await page.getByRole('navigation', { name: 'Provisjonering' }).getByRole('link', { name: /Til godkjenning/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Kjøringer som venter på godkjenning' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the held runs page');

    await page.getByRole('navigation', { name: 'Provisjonering' }).getByRole('link', { name: 'Avstemming' }).click();
    await page.getByRole('heading', { level: 1, name: 'Avstemming' }).waitFor();
    await page.getByRole('table', { name: 'Siste avstemming per system' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the reconciliation page');
  });
});
