/**
 * The naming heuristic of the modelling standard: a task is named verb + object [verb + objekt],
 * e.g. «Behandle søknad», «Sende vedtak», «Registrere melding i arkiv». Pure.
 *
 * Norwegian (bokmål and nynorsk) infinitives nearly all end in an unstressed -e (behandle, sende,
 * vurdere); the rest are short one-syllable verbs (gå, få, se, ta, gi, ha, nå, be, stå, slå,
 * dra, bli, så, ro) and their compounds (motta, avslå, oppstå). So the check is: at least two words, and the first word either ends in -e
 * (and is not a common function word that also does) or is one of the short verbs or a compound ending in one. A few nouns
 * ending in -e slip through («Søknade» is not a word, but «Saksbehandlere behandle» would) — it is a
 * heuristic to catch «Søknad», «Vedtak» or «Behandling av søknad», not a grammar.
 */
const shortVerbs = new Set(['gå', 'få', 'se', 'ta', 'gi', 'ha', 'nå', 'be', 'stå', 'slå', 'dra', 'bli', 'så', 'ro', 'la', 'tre', 'tru', 'sjå', 'gje']);
// Words ending in -e that do not start a verb phrase.
const notVerbs = new Set(['ikke', 'ingen', 'alle', 'eventuelle', 'evt', 'nye', 'andre', 'samme', 'hele', 'denne', 'disse', 'dette', 'hvilke', 'mange', 'noen', 'egne', 'gamle', 'store', 'lille', 'første', 'siste', 'neste', 'ulike', 'ferdige', 'godkjente', 'innkomne']);

export function isVerbObjectName(name: string | null | undefined): boolean {
  const words = (name ?? '')
    .trim()
    .toLowerCase()
    .split(/[\s\n]+/)
    .map((word) => word.replace(/[^\p{L}-]/gu, ''))
    .filter(Boolean);
  if (words.length < 2) return false;
  const first = words[0]!;
  if (shortVerbs.has(first)) return true;
  // Compounds of the short verbs: motta, avslå, oppstå, utgi, innse.
  if (first.length <= 8 && ['ta', 'gå', 'slå', 'stå', 'få', 'gi', 'se', 'la'].some((verb) => first.endsWith(verb) && first.length > verb.length + 1)) return true;
  return first.length >= 3 && first.endsWith('e') && !notVerbs.has(first);
}
