import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('editing a system in the browser', () => {
  const session = useBrowserSession();
  let systemName = '';
  let signedInAs = '';
  let oldSupplier = '';
  const newSupplier = `Leverandør fra nettlesertesten ${Date.now()}`;

  it('opens a system from the catalogue, its page without serious accessibility problems', async () => {
    const { page } = session;
    signedInAs = await signInAsDemoPerson(page, 'Administrator');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Systemkatalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Systemkatalog' }).waitFor();
    const firstSystem = page.getByRole('table', { name: 'Systemer i katalogen' }).getByRole('link').first();
    systemName = ((await firstSystem.textContent()) ?? '').trim();
    expect(systemName).not.toBe('');
    await firstSystem.click();
    await page.getByRole('heading', { level: 1, name: systemName }).waitFor();
    expect(page.url()).toMatch(/\/systems\/[0-9a-f-]{36}$/);
    await expectNoSeriousAxeViolations(page, `the system page of ${systemName}`);
  });

  it('edits the supplier in the form, which has no serious accessibility problems', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Endre', exact: true }).or(page.getByRole('button', { name: 'Endre', exact: true })).click();
    await page.getByRole('heading', { level: 1, name: `Endre ${systemName}` }).waitFor();
    await expectNoSeriousAxeViolations(page, `the edit form of ${systemName}`);
    const supplier = page.getByLabel('Leverandør', { exact: true });
    oldSupplier = await supplier.inputValue();
    await supplier.fill(newSupplier);
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: systemName }).waitFor();
    await page.getByText(newSupplier).first().waitFor();
  });

  it('shows the change in the system’s history, from the old value to the new', async () => {
    const { page } = session;
    const history = page.getByRole('region', { name: 'Historikk' });
    await history.getByText(newSupplier).first().waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain(oldSupplier ? `fra «${oldSupplier}» til «${newSupplier}»` : `til «${newSupplier}»`);
    expect(text, 'who made the change').toContain(signedInAs);
  });
});
