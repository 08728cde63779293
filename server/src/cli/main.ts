/** The `grunnmur` command line. Each command lives in its own file under ./commands. */
export async function runCli(argv: string[]): Promise<number> {
  console.error(`Unknown command: ${argv.join(' ')}`);
  return 2;
}
