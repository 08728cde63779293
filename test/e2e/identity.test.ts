import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

// A full HR file with three problems: the file must change nothing and list every one.
const badHrFile = [
  'ansattnummer;fornavn;etternavn;enhetskode;stilling;leder;startdato;sluttdato',
  'E2E-1;;Uten fornavn;FINNES-IKKE;Rådgiver;;2026-01-01;',
  'E2E-2;Kari;Nordmann;FINNES-IKKE;Rådgiver;;31.02.2026;',
].join('\n');

describe('identity lifecycle in the browser', () => {
  const session = useBrowserSession();

  it('shows the sponsored guests and refuses a guest without an end date, without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Livsløp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommende endringer' }).waitFor();
    await page.getByRole('navigation', { name: 'Livsløp' }).getByRole('link', { name: 'Gjester og konsulenter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gjester og konsulenter' }).waitFor();
    const table = page.getByRole('table', { name: 'Gjester og konsulenter' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await expectNoSeriousAxeViolations(page, 'the guests page');

    await page.getByRole('button', { name: 'Registrer gjest eller konsulent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer gjest eller konsulent' });
    await dialog.getByLabel('Fornavn').fill('Nettleser');
    await dialog.getByLabel('Etternavn').fill('Gjest');
    await dialog.getByRole('button', { name: 'Registrer' }).click();
    await dialog.getByText(/Sluttdato må fylles ut/).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'the add-guest dialog with errors');
  });

  it('rejects a bad HR file and lists each problem with its line and column', async () => {
    const { page } = session;
    await page.goto('/identity/hr');
    await page.getByRole('heading', { level: 1, name: 'HR-fil' }).waitFor();
    await page.getByLabel('HR-fil').setInputFiles({ name: 'hr-med-feil.csv', mimeType: 'text/csv', buffer: Buffer.from(badHrFile, 'utf8') });
    await page.getByRole('button', { name: 'Sjekk filen' }).click();
    const problems = page.getByRole('table', { name: 'Feil i filen' });
    await problems.waitFor();
    const rows = (await problems.getByRole('row').allTextContents()).slice(1);
    expect(rows.some((row) => row.startsWith('2') && row.includes('fornavn')), JSON.stringify(rows)).toBe(true);
    expect(rows.some((row) => row.startsWith('3') && row.includes('startdato')), JSON.stringify(rows)).toBe(true);
    expect(rows.some((row) => row.includes('enhetskode')), JSON.stringify(rows)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'the HR file page with problems');
  });

  it('shows username and e-mail on a person page and registers a future change there', async () => {
    const { page } = session;
    await page.goto('/identity/guests');
    const table = page.getByRole('table', { name: 'Gjester og konsulenter' });
    await table.waitFor();
    await table.getByRole('row').nth(1).getByRole('link').first().click();
    const section = page.getByRole('region', { name: 'Identitet og kommende endringer' });
    await section.waitFor();
    await section.getByText('Brukernavn').waitFor();
    await section.getByRole('button', { name: 'Registrer fremtidig endring' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer fremtidig endring' });
    await dialog.getByLabel('Hva endres').selectOption('end');
    // Before the guest's own end date (the demo's first guest ends in ten days), so the employment still holds then.
    await dialog.getByLabel('Siste arbeidsdag').fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: 'Registrer' }).click();
    await section.getByText('Endringen er registrert og gjennomføres på datoen.').waitFor();
    await section.getByRole('table', { name: 'Kommende endringer' }).getByText('Sluttdato').waitFor();
    await expectNoSeriousAxeViolations(page, 'the lifecycle section of a person page');
  });

  it("lets a manager see what is coming for their people", async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await signInAsDemoPerson(page, 'Leder');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Livsløp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommende endringer' }).waitFor();
    const table = page.getByRole('table', { name: 'Kommende endringer' });
    await table.waitFor();
    const rows = (await table.getByRole('row').allTextContents()).slice(1);
    expect(rows.length, JSON.stringify(rows)).toBeGreaterThanOrEqual(2);
    expect(rows.some((row) => row.includes('Overføring')), JSON.stringify(rows)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'the upcoming changes page as a manager');
  });
});
