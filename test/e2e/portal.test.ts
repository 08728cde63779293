import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('the employee process portal in the browser', () => {
  const session = useBrowserSession();

  it('finds a process by a Norwegian plural in search, without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Ansatt');
    await page.getByRole('link', { name: 'Prosessportal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prosessportal' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mine prosesser' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the portal home page');
    await page.getByLabel('Søk i prosesser, dokumenter og systemer').fill('byggesøknader');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Søk' }).waitFor();
    const hit = page.getByRole('link', { name: 'Behandle byggesøknad', exact: true });
    await hit.waitFor();
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page, 'the search results');
    await hit.click();
  });

  it('shows the process with its diagram, steps, systems and documents', async () => {
    const { page } = session;
    await page.getByRole('heading', { level: 1, name: 'Behandle byggesøknad' }).waitFor();
    const steps = page.getByRole('table', { name: 'Steg' });
    await steps.waitFor();
    const rows = await steps.getByRole('row').allTextContents();
    expect(rows.some((row) => row.includes('Kontrollere dokumentasjon') && row.includes('Byggesak Pluss')), JSON.stringify(rows)).toBe(true);
    const systems = page.getByRole('region', { name: 'Systemer' });
    await systems.getByRole('link', { name: 'Byggesak Pluss' }).waitFor();
    expect(await systems.getByRole('link', { name: /^Be om tilgang/ }).count()).toBeGreaterThan(0);
    const documents = page.getByRole('region', { name: 'Dokumenter' });
    const download = documents.getByRole('link', { name: 'Rutine for mottak av byggesøknad.docx' });
    await download.waitFor();
    expect(await download.getAttribute('href')).toMatch(/^\/api\/documents\/[0-9a-f-]+\/file$/);
    await page.locator('.djs-container svg').first().waitFor();
    await expectNoSeriousAxeViolations(page, 'the process page');
  });
});
