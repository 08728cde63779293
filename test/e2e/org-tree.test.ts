import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, signInAsDemoPerson, useBrowserSession } from '../support/e2e-browser.ts';

// Units of the demo municipality's blueprint (server/src/demo/org-blueprint.ts).
const sector = 'IKT og digitalisering';
const unitInSector = 'IKT-drift';
const searchedUnit = 'Biblioteket';

describe('the org unit tree in the browser', () => {
  const session = useBrowserSession();

  it('shows the tree of the demo municipality without serious accessibility problems', async () => {
    const { page } = session;
    await signInAsDemoPerson(page, 'Administrator');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Organisasjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisasjon' }).waitFor();
    await page.getByRole('tree', { name: 'Organisasjonskart' }).getByRole('treeitem', { name: sector }).waitFor();
    await expectNoSeriousAxeViolations(page, 'the org tree page');
  });

  it('expands a sector with the keyboard to show its units', async () => {
    const { page } = session;
    const tree = page.getByRole('tree', { name: 'Organisasjonskart' });
    const item = tree.getByRole('treeitem', { name: sector, exact: true });
    expect(await item.getAttribute('aria-expanded')).toBe('false');
    expect(await tree.getByRole('treeitem', { name: unitInSector, exact: true }).count()).toBe(0);
    await item.focus();
    await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: unitInSector, exact: true }).waitFor();
    expect(await item.getAttribute('aria-expanded')).toBe('true');
  });

  it('finds a unit by searching, selects it and opens its page', async () => {
    const { page } = session;
    await page.getByRole('searchbox', { name: 'Søk etter enhet' }).fill('bibliot');
    const tree = page.getByRole('tree', { name: 'Organisasjonskart' });
    const match = tree.getByRole('treeitem', { name: searchedUnit, exact: true });
    await match.waitFor();
    await page.getByText('1 enhet passer søket', { exact: true }).waitFor({ state: 'attached' });
    await match.click();
    expect(await match.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { level: 2, name: searchedUnit }).waitFor();
    await page.getByRole('link', { name: `Gå til siden for ${searchedUnit}` }).click();
    await page.getByRole('heading', { level: 1, name: searchedUnit }).waitFor();
    expect(page.url()).toMatch(/\/org\/units\/[0-9a-f-]{36}$/);
    await expectNoSeriousAxeViolations(page, `the unit page of ${searchedUnit}`);
  });
});
