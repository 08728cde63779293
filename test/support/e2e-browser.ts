import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it. Playwright's own browser download cannot work here. */
export const chromiumPath = process.env.GRUNNMUR_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: chromiumPath,
    // The machine has no network but loopback: background networking only fills the log with refusals.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A fresh context (own cookies) with Norwegian as the browser language, so the UI speaks bokmål. */
export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ baseURL, locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // Uncaught errors in the app, to add to a failure message.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is now and fails, with one readable line per problem, when it
 * finds a serious or critical violation. Minor and moderate ones are listed in the returned value.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    // Runs in the page; the Node-side tsconfig has no DOM types, hence globalThis and a selector.
    const axe = (globalThis as unknown as { axe: { run(context: string, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run('html', { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.flatMap((v) => [
      `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.slice(0, 5).map((node) => `      at ${JSON.stringify(node.target)}`),
      ...(v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : []),
    ]);
    throw new Error(`axe-core found ${serious.length} serious or critical accessibility problem(s) on ${label} (${page.url()}):\n${lines.join('\n')}`);
  }
  return violations;
}
