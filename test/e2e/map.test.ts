import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

describe('the architecture map in the browser', () => {
  const session = useBrowserSession();

  it('draws the map, focuses on a system and answers "what if it is down" with services, people and paths', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.goto('/map');
    await page.getByRole('heading', { level: 1, name: 'Arkitekturkart' }).waitFor();
    // The drawing is laid out (ELK) and the same objects are listed as text.
    await page.locator('[data-testid="map-canvas"][data-laid-out]').waitFor({ timeout: 60_000 });
    const list = page.getByRole('region', { name: 'Objektene i kartet' });
    await list.getByRole('button', { name: 'Velg Elements Sak og arkiv', exact: true }).click();
    await page.getByRole('heading', { name: 'Valgt: Elements Sak og arkiv' }).waitFor();
    await page.getByRole('button', { name: 'Fokuser på dette' }).click();
    await page.waitForURL(/focus=/);
    await page.locator('[data-testid="map-canvas"][data-laid-out]').waitFor();
    const summary = await page.getByTestId('map-summary').textContent();
    expect(summary).toMatch(/Kartet viser \d+ av \d+ objekter/);

    await page.getByRole('button', { name: 'Hva om den er nede?' }).click();
    const answer = page.getByTestId('down-answer');
    await answer.getByRole('heading', { name: 'Hvis Elements Sak og arkiv er nede' }).waitFor();
    const services = answer.getByRole('region', { name: /^Tjenester \(\d+\)$/ });
    const serviceText = await services.textContent();
    expect(serviceText).toContain('Byggesøknad');
    // Each result carries the path that explains it.
    expect(serviceText).toMatch(/Elements Sak og arkiv.*Byggesøknad/);
    const employees = await page.getByTestId('employees-affected').textContent();
    expect(Number(/(\d+) ansatte berøres/.exec(employees ?? '')?.[1] ?? 0)).toBeGreaterThan(0);
    const information = await answer.getByRole('region', { name: /^Informasjon og personopplysninger/ }).textContent();
    expect(information).toContain('Saksdokumenter og journalposter');
    await expectNoSeriousAxeViolations(page, 'the map with the what-if-down answer');
  });

  it('downloads the map as a PNG image', async () => {
    const { page } = session;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('arkitekturkart.png');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('saves a named, shared view', async () => {
    const { page } = session;
    await page.getByLabel('Navn på visningen').fill('Saksarkivet og naboer');
    await page.getByRole('checkbox', { name: 'Del med kolleger' }).check();
    await page.getByRole('button', { name: 'Lagre visningen' }).click();
    await page.getByText('Visningen «Saksarkivet og naboer» er lagret.').waitFor();
    await page.getByRole('button', { name: 'Saksarkivet og naboer (delt)' }).waitFor();
  });

  it('imports integrations from a file on the model page: a bad row is refused with its line and column, a good file is stored', async () => {
    const { page } = session;
    await page.goto('/map/model/integrations');
    const panel = page.getByRole('region', { name: 'Import og eksport av integrasjoner' });
    const importFile = async (rows: string[]) => {
      await panel.getByRole('button', { name: 'Importer', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Importer integrasjoner' });
      await dialog.getByLabel('Fil som skal importeres (CSV eller Excel)').setInputFiles({
        name: 'integrasjoner.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(['navn;fra system;til system;type;synkron/asynkron', ...rows].join('\r\n'), 'utf8'),
      });
      await dialog.getByRole('button', { name: 'Kontroller filen' }).click();
      return dialog;
    };
    const good = 'Nettlesertest lønn til sak;Lønnsmester HRM;Elements Sak og arkiv;fil;asynkron';

    const refused = await importFile([good, 'Nettlesertest feil;Lønnsmester HRM;Finnes ikke;fil;asynkron']);
    const table = refused.getByRole('table', { name: /^Feil i filen/ });
    await table.getByRole('cell', { name: 'Fant ikke systemet «Finnes ikke»' }).waitFor();
    expect((await table.getByRole('row').allTextContents()).slice(1)).toEqual(['3til systemFant ikke systemet «Finnes ikke»']);
    await refused.getByRole('button', { name: 'Avbryt' }).click();

    const dialog = await importFile([good]);
    await dialog.getByText('1 nye, 0 endrede, 0 uendrede.').waitFor();
    await dialog.getByRole('button', { name: 'Importer nå' }).click();
    await dialog.getByRole('heading', { name: 'Importen er fullført.' }).waitFor();
    await dialog.getByRole('button', { name: 'Lukk', exact: true }).click();
    await page.getByRole('cell', { name: 'Nettlesertest lønn til sak', exact: true }).waitFor();
  });
});
