/** The CLI through a running server's API (`--url`, `--token`), for when the server holds the data folder. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FileProblem } from '../modules/transfer/columns.ts';
import type { ImportPreview } from '../modules/transfer/pipeline.ts';
import { CliFailure } from './local.ts';
import { printProblems, printSummary, progressPrinter, say } from './output.ts';

export interface Server {
  url: string;
  token: string;
}

async function call(server: Server, pathname: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(pathname, server.url.endsWith('/') ? server.url : `${server.url}/`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${server.token}`, 'accept-language': 'nb' } });
  } catch (error) {
    say(`Fikk ikke kontakt med ${server.url}: ${(error as Error).message}`);
    throw new CliFailure();
  }
  if (response.ok) return response;
  const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string; problems?: FileProblem[]; problemCount?: number };
  if (problem.problems?.length) printProblems(problem.detail, problem.problems, problem.problemCount);
  else say(`${response.status}: ${problem.detail ?? problem.title ?? response.statusText}`);
  throw new CliFailure();
}

export async function remoteImport(server: Server, kind: string, file: string, preview: boolean) {
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), path.basename(file));
  const response = await call(server, `api/import/${kind}/${preview ? 'preview' : 'apply'}`, { method: 'POST', body: form });
  if (preview) {
    printSummary((await response.json()) as ImportPreview, false);
    return;
  }
  const { jobId } = (await response.json()) as { jobId: string };
  say(`Importen kjører på serveren (jobb ${jobId}).`);
  const progress = progressPrinter('Skrevet');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const job = (await (await call(server, `api/jobs/${jobId}`)).json()) as {
      state: string; progressDone: number; progressTotal: number | null; result: { rows: number; summary: ImportPreview['summary'] } | null; error: string | null;
    };
    if (job.state === 'running' && job.progressTotal) progress(job.progressDone, job.progressTotal);
    if (job.state === 'completed') {
      printSummary(job.result!, true);
      return;
    }
    if (job.state === 'failed') {
      say(`Importen feilet, og ingenting er endret: ${job.error}`);
      throw new CliFailure();
    }
  }
}

export async function remoteExport(server: Server, kind: string, format: string): Promise<Readable> {
  const response = await call(server, `api/export/${kind}?format=${format}`);
  return Readable.fromWeb(response.body as WebReadableStream);
}
