import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../../test/support/e2e-server.ts';

const resultsFile = path.join(repositoryRoot, 'docs/benchmarks.md');
const header = `# Benchmarks

The numbers issue 2 holds the product to, measured by the scripts in \`bench/\`. Each section is
rewritten by its script (\`npm run bench:…\`) with the machine, date and figures of the last run.
`;

/**
 * Replaces the section headed `## <title>` in docs/benchmarks.md (or appends it), leaving the
 * sections other scripts write untouched.
 */
export function writeResultsSection(title: string, body: string): void {
  const text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : header;
  const section = `## ${title}\n\n${body.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  let next: string;
  if (start === -1) {
    next = `${text.trimEnd()}\n\n${section}`;
  } else {
    let end = lines.findIndex((line, index) => index > start && /^## /.test(line));
    if (end === -1) end = lines.length;
    const before = lines.slice(0, start).join('\n').trimEnd();
    const after = lines.slice(end).join('\n').trim();
    next = `${before}\n\n${section}${after ? `\n${after}\n` : ''}`;
  }
  writeFileSync(resultsFile, next);
  console.log(`\nWrote the "${title}" section of ${path.relative(repositoryRoot, resultsFile)}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
