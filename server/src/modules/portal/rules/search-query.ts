/** Turning what a person typed into the words of a search. Pure. */

/**
 * Words of the query: letters and digits only, so nothing typed can carry tsquery operators; at
 * most eight, each of two letters or more. The database turns them into a tsquery
 * (`grunnmur_search_query`): every word must match, each as a prefix, a compound also by its parts.
 */
export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 2).slice(0, 8);
}

/** Marks ts_headline puts around a hit; control characters so no text can fake or inject them. */
export const highlightStart = '\u0002';
export const highlightStop = '\u0003';
