import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

/**
 * Self-service access in the browser, with the demo people: the demo employee (a teacher) asks for
 * a role, their manager (the school's principal) approves it, the manual task the approval leads
 * to is ticked off by an administrator, and the employee sees the role as provisioned. Then the
 * principal names a deputy, who approves the next request.
 */
describe('asking for access, approving it and seeing it provisioned', () => {
  const session = useBrowserSession();
  const names: Record<string, string> = {};
  const asked: string[] = [];

  async function signInAs(page: Page, role: string): Promise<string> {
    const signOut = page.getByRole('button', { name: 'Logg ut' });
    if (await signOut.isVisible().catch(() => false)) {
      await signOut.click();
      await page.waitForURL(/\/sign-in/);
    }
    return signInAsDemoPerson(page, role);
  }

  async function openAccess(page: Page, tab: string) {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: /^Tilgang(\W|$)/ }).click();
    await page.getByRole('navigation', { name: 'Tilgang', exact: true }).getByRole('link', { name: new RegExp(`^${tab}`) }).click();
    await page.getByRole('heading', { level: 1, name: tab }).waitFor();
  }

  /** Calls the API as the signed-in browser user (cookie + CSRF), for arranging what the UI does not own. */
  async function apiAs(page: Page, method: 'GET' | 'PUT', path: string, body?: unknown) {
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken?: string };
    const response = await page.request.fetch(path, { method, headers: { 'x-csrf-token': me.csrfToken ?? '', 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return response.json() as Promise<unknown>;
  }

  /** Asks, in the catalogue, for the first role that is not sensitive and not yet asked for. Returns its name. */
  async function askForARole(page: Page, reason: string): Promise<string> {
    await openAccess(page, 'Be om tilgang');
    const cards = page.getByRole('list', { name: 'Roller du kan be om' }).getByRole('listitem');
    await cards.first().waitFor();
    const count = await cards.count();
    for (let index = 0; index < count; index++) {
      const card = cards.nth(index);
      const button = card.getByRole('button', { name: /^Be om tilgang/ });
      if ((await button.count()) === 0) continue;
      if ((await card.getByText('Sensitiv', { exact: false }).count()) > 0) continue;
      const name = ((await card.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
      if (asked.includes(name)) continue;
      await button.click();
      const dialog = page.getByRole('dialog', { name: `Be om «${name}»` });
      await dialog.getByLabel('Begrunnelse').waitFor();
      // Let the dialog's opening animation finish: half-faded text would be judged on its contrast.
      await page.waitForTimeout(500);
      await expectNoSeriousAxeViolations(page, 'the request dialog');
      // A request without a reason is refused by the server, with the reason field marked.
      await dialog.getByRole('button', { name: 'Send forespørsel' }).click();
      await dialog.getByText('Skriv en begrunnelse på minst 5 tegn').waitFor();
      await dialog.getByLabel('Begrunnelse').fill(reason);
      await dialog.getByRole('button', { name: 'Send forespørsel' }).click();
      await page.getByRole('status').getByText(`Forespørselen om «${name}» er sendt til ${names.manager}.`).waitFor();
      asked.push(name);
      return name;
    }
    throw new Error('the demo employee has no role left to ask for that is not sensitive');
  }

  /** Makes every system of a role a system without an API, so that its access becomes a manual task. */
  async function useManualConnectors(page: Page, roleName: string) {
    const catalogue = (await apiAs(page, 'GET', `/api/requests/catalogue?q=${encodeURIComponent(roleName)}`)) as { items: { name: string; systems: { name: string }[] }[] };
    const role = catalogue.items.find((item) => item.name === roleName)!;
    for (const system of role.systems) {
      const page1 = (await apiAs(page, 'GET', `/api/systems?search=${encodeURIComponent(system.name)}`)) as { items: { id: string; name: string }[] };
      const found = page1.items.find((item) => item.name === system.name)!;
      await apiAs(page, 'PUT', `/api/provisioning/connectors/${found.id}`, { kind: 'manual', settings: {} });
    }
  }

  /** The status text of the employee's request for a role on "Mine forespørsler", once it is one of `texts`. */
  async function waitForStatus(page: Page, roleName: string, texts: string[], timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const card = page.getByTestId('my-request').filter({ has: page.getByRole('heading', { level: 2, name: roleName, exact: true }) });
      const text = (await card.first().textContent().catch(() => '')) ?? '';
      const found = texts.find((candidate) => text.includes(candidate));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`the request for ${roleName} did not reach ${texts.join(' or ')}; it says: ${text}`);
      await page.waitForTimeout(500);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Mine forespørsler' }).waitFor();
    }
  }

  async function approveInInbox(page: Page, roleName: string, comment: string) {
    await openAccess(page, 'Til godkjenning');
    const card = page.getByRole('group', { name: `${roleName} for ${names.employee}` });
    await card.waitFor();
    await expectNoSeriousAxeViolations(page, 'the approver inbox');
    await card.getByLabel('Kommentar').fill(comment);
    await card.getByRole('button', { name: 'Godkjenn' }).click();
    await page.getByRole('status').getByText(`Du godkjente «${roleName}» for ${names.employee}.`).waitFor();
    return card;
  }

  it('lets the employee ask for a role with a reason and follow it, without serious accessibility problems', async () => {
    const { page } = session;
    names.admin = await signInAs(page, 'Administrator');
    names.architect = await signInAs(page, 'Virksomhetsarkitekt');
    names.manager = await signInAs(page, 'Leder');
    names.employee = await signInAs(page, 'Ansatt');
    await openAccess(page, 'Be om tilgang');
    await expectNoSeriousAxeViolations(page, 'the role catalogue');
    // Search narrows the catalogue.
    const search = page.getByRole('searchbox', { name: 'Søk etter rolle' });
    await search.fill('zzzz-ingen-rolle');
    await page.getByText('Ingen roller passer søket.').waitFor();
    await search.fill('');

    const roleName = await askForARole(page, 'Jeg skal ta over ansvaret for en ny klasse.');
    await openAccess(page, 'Mine forespørsler');
    expect(await waitForStatus(page, roleName, [`Venter på ${names.manager}`])).toBe(`Venter på ${names.manager}`);
    await expectNoSeriousAxeViolations(page, 'my requests');
  });

  it('lets the manager approve it from the inbox, and the employee sees it provisioned once the manual task is done', async () => {
    const { page } = session;
    const roleName = asked[0]!;
    // The role's systems have no API in this story: the access becomes a manual task.
    await signInAs(page, 'Administrator');
    await useManualConnectors(page, roleName);

    await signInAs(page, 'Leder');
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: /^Tilgang.*venter på deg/ }).waitFor();
    await approveInInbox(page, roleName, 'Godkjent, lykke til med klassen');

    await signInAs(page, 'Ansatt');
    await openAccess(page, 'Mine forespørsler');
    const reached = await waitForStatus(page, roleName, ['Godkjent – venter på systemansvarlig', 'Tildelt']);
    if (reached !== 'Tildelt') {
      // The system administrator ticks the task off (an administrator may do it for any system).
      await signInAs(page, 'Administrator');
      await page.goto('/provisioning/manual');
      await page.getByRole('heading', { level: 1, name: 'Manuelle oppgaver' }).waitFor();
      const rows = page.getByRole('row').filter({ hasText: names.employee! });
      await rows.first().waitFor();
      for (let left = await rows.count(); left > 0; left = await rows.count()) {
        await rows.first().getByRole('button').first().click();
        await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeLessThan(left);
      }
      await signInAs(page, 'Ansatt');
      await openAccess(page, 'Mine forespørsler');
    }
    expect(await waitForStatus(page, roleName, ['Tildelt'])).toBe('Tildelt');
    const card = page.getByTestId('my-request').filter({ has: page.getByRole('heading', { level: 2, name: roleName, exact: true }) });
    expect(await card.textContent()).toContain(`Godkjent av ${names.manager}`);
  });

  it('lets the manager name a deputy, who then approves the next request in the manager’s place', async () => {
    const { page } = session;
    await signInAs(page, 'Leder');
    await openAccess(page, 'Stedfortreder');
    await page.getByRole('searchbox', { name: 'Søk etter person' }).fill(names.architect!);
    await page.getByRole('radio', { name: new RegExp(`^${names.architect}`) }).first().check();
    await page.getByLabel('Grunn (valgfri)').fill('Kurs i Oslo');
    await page.getByRole('button', { name: 'Oppnevn' }).click();
    await page.getByRole('status').getByText(`${names.architect} er stedfortreder for deg`, { exact: false }).waitFor();
    await page.getByRole('table', { name: 'Stedfortredere' }).getByRole('row').filter({ hasText: names.architect! }).filter({ hasText: 'Gjelder nå' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the deputy page');

    await signInAs(page, 'Ansatt');
    const roleName = await askForARole(page, 'Trenger dette for å vikariere i en annen klasse.');

    await signInAs(page, 'Virksomhetsarkitekt');
    await approveInInbox(page, roleName, 'Godkjent som stedfortreder');

    await signInAs(page, 'Ansatt');
    await openAccess(page, 'Mine forespørsler');
    const mine = page.getByTestId('my-request').filter({ has: page.getByRole('heading', { level: 2, name: roleName, exact: true }) });
    await mine.getByText(`Godkjent av ${names.architect} som stedfortreder for ${names.manager}`, { exact: false }).waitFor();
    expect(await waitForStatus(page, roleName, ['Godkjent – tilgangen gis nå', 'Godkjent – venter på systemansvarlig', 'Tildelt'])).not.toBe('');
  });
});
