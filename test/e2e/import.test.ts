import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

// One good row and one with two bad cells: the file must change nothing and name both problems.
const csv = [
  'navn,livsløpsfase,kritikalitet,årlig kostnad',
  'Nettlesertest godt system,drift,høy,10000',
  'Nettlesertest dårlig system,drift,skyhøy,mange penger',
].join('\r\n');

describe('importing a system file with an error in the browser', () => {
  const session = useBrowserSession();

  it('rejects the file and lists each problem with its line and column, without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.goto('/systems');
    await page.getByRole('heading', { level: 1, name: 'Systemkatalog' }).waitFor();
    await page.getByRole('region', { name: 'Import og eksport av systemkatalogen' }).getByRole('button', { name: 'Importer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer systemer' });
    await dialog.waitFor();
    await dialog.getByLabel('Fil som skal importeres (CSV eller Excel)').setInputFiles({
      name: 'systemer-med-feil.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await dialog.getByRole('button', { name: 'Kontroller filen' }).click();

    await dialog.getByText('Filen ble ikke importert. Ingenting er endret.').first().waitFor();
    const problems = dialog.getByRole('table', { name: /^Feil i filen/ });
    await problems.waitFor();
    const rows = await problems.getByRole('row').allTextContents();
    const body = rows.slice(1);
    expect(body.length, `problem rows: ${JSON.stringify(body)}`).toBe(2);
    expect(body.some((row) => row.startsWith('3') && row.includes('kritikalitet')), `a problem on line 3 in «kritikalitet»: ${JSON.stringify(body)}`).toBe(true);
    expect(body.some((row) => row.startsWith('3') && row.includes('årlig kostnad')), `a problem on line 3 in «årlig kostnad»: ${JSON.stringify(body)}`).toBe(true);
    await expectNoSeriousAxeViolations(page, 'the import result');
  });

  it('stored nothing, not even the good row', async () => {
    const { page } = session;
    await page.getByRole('dialog', { name: 'Importer systemer' }).getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('searchbox', { name: 'Søk i systemer' }).or(page.getByLabel('Søk i systemer')).first().fill('Nettlesertest');
    await page.getByText('Ingen systemer passer med søket.').waitFor();
  });
});
