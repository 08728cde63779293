import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { highlightStart, highlightStop, queryWords } from './rules/search-query.ts';

/** How many title matches, and how many matches anywhere, are ranked at most. */
const candidateLimit = 200;

export type SearchKind = 'process' | 'document' | 'system';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Text around the hits; hits lie between \u0002 and \u0003 (the client marks them up). */
  snippet: string;
  rank: number;
}

async function rows<T>(tx: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

const headlineOptions = `StartSel=${highlightStart}, StopSel=${highlightStop}, MaxWords=28, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over published processes, documents and systems, in the tenant of the
 * transaction (decision 0008). Every typed word must match, as a prefix of a stemmed word or, for
 * a compound, by its parts; compounds in the text were split when indexed, so "søknad" finds
 * "byggesøknad". Each query touches a bounded number of rows however large the corpus:
 *
 * 1. at most 200 title matches, straight from the GIN index on `title_search` (no body read);
 * 2. at most 200 matches anywhere, from the GIN index on `search` — both in
 *    `grunnmur_search_candidates`, which applies the tenant itself so that row-level security does
 *    not keep the planner from the indexes;
 * 3. only those candidates are ranked (read again under row-level security): title matches
 *    first (their rank is raised by 1), then by `ts_rank`; only the returned page gets a
 *    `ts_headline` snippet.
 *
 * The price: when more than 200 entries match in their titles (or only in their text), the page
 * is the best of an arbitrary 200 of those, not of all — a longer query narrows it.
 */
export async function search(tx: Executor, input: { q: string; kinds?: SearchKind[]; limit?: number }): Promise<SearchHit[]> {
  const words = queryWords(input.q);
  if (!words.length) return [];
  const limit = input.limit ?? 20;
  const kinds = input.kinds?.length ? input.kinds : ['process', 'document', 'system'];
  const kindList = sql.join(kinds.map((kind) => sql`${kind}`), sql`, `);
  const typed = sql.join(words.map((word) => sql`${word}`), sql`, `);
  const hits = await rows<{ kind: SearchKind; id: string; title: string; snippet: string; rank: number }>(
    tx,
    sql`with q as (select grunnmur_search_query(array[${typed}]::text[]) as query),
      hits as (
        select e.kind, e.entity_id, e.title, e.body, bool_or(c.in_title) as in_title, ts_rank(e.search, q.query) as rank
        from q, grunnmur_search_candidates(q.query, array[${kindList}]::text[], ${candidateLimit}) c
          join search_entries e on e.id = c.id
        group by e.id, q.query
        order by in_title desc, rank desc, e.title
        limit ${limit}
      )
      select hits.kind, hits.entity_id as id, hits.title,
        (hits.rank + case when hits.in_title then 1 else 0 end)::float8 as rank,
        ts_headline('norwegian', left(hits.body, 1200), q.query, ${headlineOptions}) as snippet
      from hits, q
      order by hits.in_title desc, hits.rank desc, hits.title`,
  );
  return hits.map((hit) => ({ ...hit, rank: Number(hit.rank) }));
}
