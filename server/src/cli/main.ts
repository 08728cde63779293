/** The `grunnmur` command line. Each command lives in its own file under ./commands. */
import { parseArgs } from 'node:util';
import { exportArchimateCommand, importArchimateCommand } from './commands/archimate.ts';
import { exportBpmnCommand, importBpmnCommand } from './commands/bpmn.ts';
import { exportCommand } from './commands/export.ts';
import { importHrCommand } from './commands/hr.ts';
import { importBundleCommand } from './commands/bundle.ts';
import { importCommand } from './commands/import.ts';
import { tokenCommand } from './commands/token.ts';
import { CliFailure } from './local.ts';
import { say } from './output.ts';
import type { Server } from './remote.ts';

const help = `grunnmur — kommandolinjen til Grunnmur

  grunnmur import systems|org FIL --tenant KORTNAVN [--preview]
  grunnmur import services|information-objects|integrations|technology FIL --tenant KORTNAVN [--preview]
      Leser en CSV- eller XLSX-fil. Hver rad sjekkes; har filen én feil, endres ingenting,
      og alle feil skrives ut med linje og kolonne. --preview viser bare hva som ville skjedd.
      Tjenester, informasjonstyper, integrasjoner og teknologi nevner systemer, prosesser og
      informasjonstyper ved navn; importer systemene og informasjonstypene før integrasjonene.
  grunnmur export systems|org --tenant KORTNAVN [--format csv|xlsx] [--out FIL]
  grunnmur export services|information-objects|integrations|technology --tenant KORTNAVN [--format csv|xlsx] [--out FIL]
      Skriver katalogen, organisasjonen eller en del av arkitekturmodellen i samme kolonner som
      importen leser (CSV til skjermen om --out mangler).
  grunnmur import archimate FIL --tenant KORTNAVN
  grunnmur export archimate --tenant KORTNAVN [--out FIL]
      ArchiMate Open Exchange-format: hele arkitekturmodellen inn eller ut (identifikatorer beholdes).
  grunnmur import bpmn FIL --tenant KORTNAVN [--name NAVN]
  grunnmur export bpmn PROSESS --tenant KORTNAVN [--out FIL]
      BPMN 2.0: en fil inn som nytt prosessutkast, eller en prosess (id eller navn) ut med diagrammet.
  grunnmur import hr FIL --tenant KORTNAVN [--preview]
      Hele HR-filen: nyansatte, flyttinger, sluttere og navneendringer vises, og tas i bruk
      uten --preview (tilgangene beregnes på nytt). Har filen én feil, endres ingenting.
  grunnmur import bundle FIL.zip --tenant KORTNAVN
      Masseimport: BPMN-filer blir prosessutkast, dokumenter lagres med versjoner og knyttes til
      prosessene etter mappe og navn. Skriver en rapport per fil.
  grunnmur token create --tenant KORTNAVN --role ROLLE --name NAVN
      Lager en API-nøkkel (gm_…) for integrasjoner og skriver den ut én gang.

Databasen er den samme som serverens (GRUNNMUR_DATA eller DATABASE_URL). Holder en kjørende
server datamappen, kan import og eksport gå gjennom serveren: --url http://vert:port --token NØKKEL.

  import/export accept --url and --token to work through a running server's API.
  Exit code 0 on success, 1 when something was refused or failed, 2 for a usage error.
`;

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        tenant: { type: 'string', short: 't' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        role: { type: 'string' },
        name: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        preview: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    say(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(help);
    return command || values.help ? 0 : 2;
  }
  if ((values.url && !values.token) || (!values.url && values.token)) {
    say('--url og --token hører sammen: oppgi begge.');
    return 2;
  }
  const server: Server | undefined = values.url && values.token ? { url: values.url, token: values.token } : undefined;
  try {
    switch (command) {
      case 'import':
        if (rest[0] === 'archimate') await importArchimateCommand(rest[1], values);
        else if (rest[0] === 'bundle') await importBundleCommand(rest[1], values);
        else if (rest[0] === 'hr') await importHrCommand(rest[1], values);
        else if (rest[0] === 'bpmn') await importBpmnCommand(rest[1], values);
        else await importCommand(rest[0], rest[1], { ...values, server });
        return 0;
      case 'export':
        if (rest[0] === 'archimate') await exportArchimateCommand(values);
        else if (rest[0] === 'bpmn') await exportBpmnCommand(rest[1], values);
        else await exportCommand(rest[0], { ...values, server });
        return 0;
      case 'token':
        if (server) {
          say('API-nøkler lages lokalt (stopp serveren først) eller av en administrator i nettleseren.');
          return 2;
        }
        await tokenCommand(rest[0], values);
        return 0;
      default:
        say(`Ukjent kommando «${command}».\n\n${help}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof CliFailure) return 1;
    // The reader of a pipe (`| head`) went away: what it wanted it got.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    say(`Noe gikk galt: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
