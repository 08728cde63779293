import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('demo sign-in in the browser', () => {
  const session = useBrowserSession();

  it('sends someone who is not signed in to the sign-in page, which lists demo people by role without serious accessibility problems', async () => {
    const { page } = session;
    await page.goto('/systems');
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    const demo = page.getByRole('region', { name: 'Demo-innlogging' });
    await demo.getByRole('button', { name: /^Logg inn som / }).first().waitFor();
    for (const role of ['Administrator', 'Systemeier', 'Leder', 'Ansatt']) {
      expect(await demo.getByRole('region', { name: role }).count(), `a group for the role ${role}`).toBe(1);
    }
    await expectNoSeriousAxeViolations(page, 'the sign-in page');
  });

  it('signs in with one click on a demo person and shows who is signed in', async () => {
    const { page } = session;
    const name = await signInAsDemoPerson(page, 'Administrator');
    expect(name).not.toBe('');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('header').textContent()).toContain(name);
  });

  it('signs out again', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  });
});
