import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { repositoryRoot, startDemoServer } from './e2e-server.ts';

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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy (script-src 'self')
  // rightly does not let a <script> tag do; the app itself keeps running under its real CSP.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
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

export interface BrowserSession {
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
}

/**
 * One test file's world: a fresh server with the demo municipalities, Chromium, one page. Call at
 * the top of a describe block; the returned object is filled in before the first test runs. A
 * failing test leaves a screenshot in test-results/ and the app's uncaught errors on the console.
 */
export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  let server: Awaited<ReturnType<typeof startDemoServer>> | undefined;

  beforeAll(async () => {
    server = await startDemoServer();
    session.baseUrl = server.baseUrl;
    session.browser = await launchBrowser();
    Object.assign(session, await newPage(session.browser, server.baseUrl));
  }, 260_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !session.page) return;
    const folder = path.join(repositoryRoot, 'test-results');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
    await session.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`Screenshot of the failing page: ${file} (${session.page.url()})`);
    if (session.pageErrors.length > 0) console.error(`Uncaught errors in the page:\n  ${session.pageErrors.join('\n  ')}`);
  });

  afterAll(async () => {
    await session.browser?.close();
    await server?.dispose();
  });

  return session;
}

/**
 * Signs in through the demo sign-in page by clicking the first person listed under a role
 * (the role's Norwegian name, e.g. "Administrator") and waits for the signed-in app.
 * Returns the name of the person signed in as.
 */
export async function signInAsDemoPerson(page: Page, roleName = 'Administrator'): Promise<string> {
  await page.goto('/sign-in?tenant=demo');
  const button = page.getByRole('region', { name: roleName }).getByRole('button', { name: /^Logg inn som / }).first();
  const name = ((await button.textContent()) ?? '').replace(/^\s*Logg inn som\s*/, '').trim();
  await button.click();
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  return name;
}
