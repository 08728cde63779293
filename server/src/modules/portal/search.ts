import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { highlightStart, highlightStop, prefixTsQuery, queryWords, titleTsQuery } from './rules/search-query.ts';

/** How many matches of each kind (title, anywhere) are ranked at most. */
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
 * transaction. Stemmed by the `norwegian` configuration, every word as a prefix, ranked with title
 * hits first (weight A); snippets from ts_headline for the returned page only. When the index
 * finds less than a page, words inside titles (the second half of a compound: "søknad" in
 * "Byggesøknad") fill up the page.
 */
export async function search(tx: Executor, input: { q: string; kinds?: SearchKind[]; limit?: number }): Promise<SearchHit[]> {
  const tsquery = prefixTsQuery(input.q);
  if (!tsquery) return [];
  const limit = input.limit ?? 20;
  const kinds = input.kinds?.length ? input.kinds : ['process', 'document', 'system'];
  const kindList = sql.join(kinds.map((kind) => sql`${kind}`), sql`, `);
  const publishedOnly = sql`(e.kind <> 'process' or exists (select 1 from process_versions v where v.process_id = e.entity_id and v.state = 'published'))`;
  // Ranking every match is what makes a common word slow (it can match most documents), so only
  // a bounded set of candidates is ranked: title matches first, then any matches.
  const titleQuery = titleTsQuery(input.q)!;
  const hits = await rows<{ kind: SearchKind; id: string; title: string; snippet: string; rank: number }>(
    tx,
    // The tsqueries are written out in each clause (not taken from a CTE) so that the planner can
    // use the GIN index for them.
    sql`with candidates as (
        (select e.id from search_entries e
          where e.search @@ to_tsquery('norwegian', ${titleQuery}) and e.kind in (${kindList}) and ${publishedOnly}
          limit ${candidateLimit})
        union
        (select e.id from search_entries e
          where e.search @@ to_tsquery('norwegian', ${tsquery}) and e.kind in (${kindList}) and ${publishedOnly}
          limit ${candidateLimit})
      ),
      hits as (
        select e.kind, e.entity_id, e.title, e.body, ts_rank(e.search, to_tsquery('norwegian', ${tsquery})) as rank
        from search_entries e join candidates c on c.id = e.id
        order by rank desc, e.title
        limit ${limit}
      )
      select hits.kind, hits.entity_id as id, hits.title, hits.rank::float8 as rank,
        ts_headline('norwegian', left(hits.body, 1200), to_tsquery('norwegian', ${tsquery}), ${headlineOptions}) as snippet
      from hits
      order by hits.rank desc, hits.title`,
  );
  if (hits.length >= limit) return hits.map((hit) => ({ ...hit, rank: Number(hit.rank) }));

  const words = queryWords(input.q);
  const seen = new Set(hits.map((hit) => hit.id));
  const titleConditions = sql.join(
    words.map((word) => sql`e.title ilike ${`%${word}%`}`),
    sql` and `,
  );
  const more = await rows<{ kind: SearchKind; id: string; title: string; body: string }>(
    tx,
    sql`select e.kind, e.entity_id as id, e.title, left(e.body, 300) as body
      from search_entries e
      where ${titleConditions} and e.kind in (${kindList}) and ${publishedOnly}
      order by length(e.title), e.title
      limit ${limit}`,
  );
  const extra = more
    .filter((row) => !seen.has(row.id))
    .slice(0, limit - hits.length)
    .map((row) => ({ kind: row.kind, id: row.id, title: row.title, snippet: row.body.slice(0, 200), rank: 0 }));
  return [...hits.map((hit) => ({ ...hit, rank: Number(hit.rank) })), ...extra];
}
