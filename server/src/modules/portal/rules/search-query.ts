/** Turning what a person typed into a PostgreSQL tsquery. Pure. */

/** Words of the query: letters and digits only, so the tsquery text cannot carry operators. */
export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 2).slice(0, 8);
}

/**
 * Every word must match, each as a prefix of a stemmed word: "byggesøknader" is stemmed to
 * "byggesøknad" by the norwegian configuration and finds "byggesøknad", "byggesøknaden"; "bygg"
 * finds "byggesak" and "byggesøknad". Returns null when nothing searchable was typed.
 */
export function prefixTsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

/** The same query restricted to title words (weight A), to find the strongest candidates first. */
export function titleTsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length ? words.map((word) => `${word}:*A`).join(' & ') : null;
}

/** Marks ts_headline puts around a hit; control characters so no text can fake or inject them. */
export const highlightStart = '\u0002';
export const highlightStop = '\u0003';
