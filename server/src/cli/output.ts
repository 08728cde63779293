/** How the CLI talks: results to stdout (so they can be piped), everything else to stderr. */
import type { FileProblem } from '../modules/transfer/columns.ts';
import type { ImportPreview } from '../modules/transfer/pipeline.ts';

export const say = (text: string) => process.stderr.write(`${text}\n`);

export function printProblems(detail: string | undefined, problems: readonly FileProblem[], total = problems.length) {
  say(detail ?? 'Filen ble ikke importert.');
  for (const problem of problems) say(`  linje ${problem.line}, kolonne «${problem.field}»: ${problem.message}`);
  if (total > problems.length) say(`  … og ${total - problems.length} feil til.`);
  say('Ingenting er endret. / Nothing was changed.');
}

export function printSummary(preview: Pick<ImportPreview, 'rows' | 'summary'>, applied: boolean) {
  const { create, update, unchanged } = preview.summary;
  say(
    `${applied ? 'Importert' : 'Forhåndsvisning (ingenting er endret)'}: ${preview.rows} rader — ` +
      `${create} nye, ${update} endret, ${unchanged} uendret. Ting som ikke står i filen, er ikke slettet.`,
  );
}

/** A progress line that rewrites itself in a terminal and prints now and then in a log. */
export function progressPrinter(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 500 && done !== total) return;
    last = now;
    const text = `${label}: ${done}${total ? ` av ${total}` : ''}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}   `);
    else say(text);
    if (done === total && process.stderr.isTTY) process.stderr.write('\n');
  };
}

export const lockedMessage = (dataDir: string) =>
  [
    `En kjørende Grunnmur-server holder datamappen ${dataDir}, og bare én prosess kan bruke den om gangen.`,
    'Gjør jobben gjennom serverens API i stedet: legg til --url http://vert:port --token <API-nøkkel>.',
    '',
    `A running Grunnmur server holds the data folder ${dataDir}; only one process can use it at a time.`,
    'Do the work through the server\'s API instead: add --url http://host:port --token <API token>.',
  ].join('\n');
