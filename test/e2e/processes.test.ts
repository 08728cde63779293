import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { simpleBpmn } from '../../server/src/modules/portal/fixtures/simple-bpmn.ts';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

/**
 * The life of a process in the browser: modelled by a process owner, held back by the modelling
 * standard until its lane names a business role, approved and published by someone else, and then
 * found by an employee who holds that role.
 */
describe('modelling, governing and publishing a process in the browser', () => {
  const session = useBrowserSession();
  const processName = 'Melde avvik i nettleseren';
  let processUrl = '';

  it('creates a process under an area and opens it in the modeler, without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Prosesseier');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosesser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prosesser' }).waitFor();
    await page.getByRole('navigation', { name: 'Prosesser' }).getByRole('link', { name: 'Behandle byggesøknad' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the process hierarchy');

    const form = page.getByRole('form', { name: 'Ny prosess eller nytt område' });
    await form.getByLabel('Navn').fill(processName);
    await form.getByLabel('Ligger under').selectOption({ label: 'HR og organisasjon (Prosessområde)' });
    await form.getByRole('button', { name: 'Opprett' }).click();
    await page.getByRole('heading', { level: 1, name: processName }).waitFor();
    processUrl = new URL(page.url()).pathname;
    await page.locator('[data-testid="bpmn-viewer"] .djs-container svg').first().waitFor();
    // The bpmn.io logo stays visible (bpmn-js licence).
    expect(await page.locator('.bjs-powered-by').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page, 'the process page');

    await page.getByRole('link', { name: 'Rediger i modellereren' }).click();
    await page.getByRole('heading', { level: 1, name: `Modeller «${processName}»` }).waitFor();
    await page.locator('[data-testid="bpmn-modeler"] .djs-container svg').first().waitFor();
    await page.getByText('1 feil og 1 advarsler').waitFor();
  });

  it('refuses to send the process to review while a lane has no business role, naming the lane', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'modelleringsstandarden' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Svømmebanen «Saksbehandler» er ikke koblet til en forretningsrolle');
    await expectNoSeriousAxeViolations(page, 'the modeler with lint findings');
  });

  it('links the lane to a business role and the task to manual work, after which review accepts it', async () => {
    const { page } = session;
    await page.getByLabel('Element', { exact: true }).selectOption({ label: 'Svømmebane: Saksbehandler' });
    await page.getByLabel('Forretningsrolle').selectOption({ label: 'Ansatt i kommunen' });
    await page.getByLabel('Element', { exact: true }).selectOption({ label: 'Oppgave: Behandle sak' });
    await page.getByLabel('Manuell oppgave (uten system)').check();
    await page.getByText('0 feil og 0 advarsler').waitFor();
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await page.getByRole('heading', { level: 1, name: processName }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Diagram, versjon 1/ }).getByText('Til godkjenning').waitFor();
  });

  it('does not let the author approve their own version', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Godkjenn' }).click();
    await page.getByRole('alert').getByText(/En annen må godkjenne den/).waitFor();
  });

  it('is approved and published by another user', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    const architect = await signInAsDemoPerson(page, 'Virksomhetsarkitekt');
    await page.goto(processUrl);
    await page.getByRole('heading', { level: 1, name: processName }).waitFor();
    await page.getByRole('button', { name: 'Godkjenn' }).click();
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByRole('heading', { level: 2, name: /Diagram, versjon 1/ }).getByText('Publisert').waitFor();
    const versions = await page.getByRole('table').getByRole('row').allTextContents();
    expect(versions.some((row) => row.includes('Publisert') && row.includes(architect)), JSON.stringify(versions)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'the published process');
  });

  it('is found by an employee in that role under "my processes" in the portal, and opens with its diagram', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await signInAsDemoPerson(page, 'Ansatt');
    await page.goto('/portal');
    await page.getByRole('heading', { level: 2, name: 'Mine prosesser' }).waitFor();
    // Listed for my role (and possibly again for my unit): the first will do.
    const link = page.getByRole('link', { name: processName, exact: true }).first();
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: processName }).waitFor();
    await page.locator('.djs-container svg').first().waitFor();
    // And on the process page itself, the lane's role is a link in the diagram's link list.
    await page.goto(processUrl);
    await page.getByRole('button', { name: 'Forretningsrolle: Ansatt i kommunen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Godkjenn' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'the process page as an employee');
  });

  it('tells the author in the header bell that the process was published, and the notice leads to it', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await signInAsDemoPerson(page, 'Prosesseier');
    const bell = page.getByRole('button', { name: /^Varsler, \d+ uleste?$/ });
    await bell.waitFor();
    await bell.click();
    const panel = page.getByRole('region', { name: 'Varsler' });
    const notice = panel.getByRole('link', { name: new RegExp(`har publisert «${processName}» versjon 1`) });
    await notice.waitFor();
    await expectNoSeriousAxeViolations(page, 'the open notice list');
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    await bell.click();
    await notice.click();
    await page.getByRole('heading', { level: 1, name: processName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(processUrl);
  });

  it('lets the owner write the purpose and classify the process from the KOSTRA list', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Endre formål, eier og plassering' }).click();
    await page.getByRole('textbox', { name: 'Formål' }).fill('Avvik meldes og følges opp så de ikke skjer igjen.');
    await expectNoSeriousAxeViolations(page, 'the purpose and owner form');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Avvik meldes og følges opp så de ikke skjer igjen.').waitFor();

    await page.getByLabel('Kodeliste').selectOption({ label: 'KOSTRA-funksjoner' });
    await page.getByLabel('Søk etter kode eller navn').fill('Administrasjon');
    await page.getByLabel('Kode', { exact: true }).selectOption({ label: '120 Administrasjon' });
    await page.getByRole('button', { name: 'Legg til klassifisering' }).click();
    await page.getByRole('list', { name: 'Koder prosessen er klassifisert med' }).getByText('KOSTRA-funksjoner: 120 Administrasjon').waitFor();
    await expectNoSeriousAxeViolations(page, 'the classified process');
  });

  it('opens a linked document with its two versions, each downloadable', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Prosesser' }).click();
    await page.getByRole('navigation', { name: 'Prosesser' }).getByRole('link', { name: 'Behandle byggesøknad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Behandle byggesøknad' }).waitFor();
    await page.getByRole('region', { name: 'Dokumenter' }).getByRole('link', { name: 'Rutine for mottak av byggesøknad.docx' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rutine for mottak av byggesøknad.docx' }).waitFor();
    const versions = page.getByRole('table', { name: 'Versjoner av Rutine for mottak av byggesøknad.docx' });
    expect(await versions.getByRole('row').count()).toBe(3);
    expect(await versions.getByRole('link', { name: 'Last ned versjon 1' }).getAttribute('href')).toMatch(/\/file\?version=1$/);
    await page.getByRole('region', { name: 'Prosesser som bruker dokumentet' }).getByRole('link', { name: 'Behandle byggesøknad' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the document page');
  });

  it('imports a zip of BPMN files and documents from the portal and reports each file', async () => {
    const { page } = session;
    const zip = new JSZip();
    zip.file(
      'Kvalitet/Behandle klage i nettleseren.bpmn',
      simpleBpmn('Behandle klage i nettleseren', [{ id: 'Lane_1', name: 'Saksbehandler', tasks: [{ id: 'Task_1', name: 'Vurdere klage' }] }]),
    );
    zip.file('Kvalitet/Behandle klage i nettleseren/Rutine for klage.txt', 'Klagen registreres samme dag.\n');
    zip.file('Kvalitet/program.exe', 'MZ');
    await page.goto('/portal/import');
    await page.getByRole('heading', { level: 1, name: 'Masseimport av prosesser og dokumenter' }).waitFor();
    await page.getByLabel('Zip-fil').setInputFiles({ name: 'kvalitet.zip', mimeType: 'application/zip', buffer: await zip.generateAsync({ type: 'nodebuffer' }) });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('2 filer importert, 1 avvist.').waitFor();
    const rows = await page.getByRole('table', { name: 'Importrapport' }).getByRole('row').allTextContents();
    expect(rows.some((row) => row.includes('program.exe') && row.includes('Avvist')), JSON.stringify(rows)).toBe(true);
    expect(rows.some((row) => row.includes('Rutine for klage.txt') && row.includes('knyttet til 1 prosess')), JSON.stringify(rows)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'the import report');
    await page.getByRole('link', { name: 'Åpne prosessen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Behandle klage i nettleseren' }).waitFor();
    await page.getByRole('region', { name: 'Dokumenter' }).getByRole('link', { name: 'Rutine for klage.txt' }).waitFor();
  });
});
