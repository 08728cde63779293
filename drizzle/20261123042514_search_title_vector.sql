-- Search that touches a bounded number of rows, and compound words split at index time (decision
-- 0008). `title_search` holds the title's words alone, with its own GIN index, so title hits come
-- from the index without rechecking any body (a weight-restricted query on `search` had to). Like
-- `search`, it is filled by the trigger (Drizzle sees it as generated and never writes it).
ALTER TABLE "search_entries" ADD COLUMN "title_search" tsvector DEFAULT ''::tsvector NOT NULL;
--> statement-breakpoint
-- Known word parts [ordledd] of municipal compounds, as written; matched in their stemmed form
-- against the end of each indexed word. A part is a whole word people search for on its own
-- ("søknad", "skatt", "plass"); short or ambiguous endings are left out on purpose.
CREATE OR REPLACE FUNCTION grunnmur_word_parts() RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT (ts_lexize('norwegian_stem', part))[1]
  FROM unnest(ARRAY[
    'søknad', 'sak', 'plan', 'vedtak', 'klage', 'skatt', 'gebyr', 'plass', 'tjeneste', 'tilskudd',
    'bevilling', 'tillatelse', 'lån', 'hjelp', 'avtale', 'kontrakt', 'faktura', 'frist', 'varsel',
    'melding', 'rapport', 'rutine', 'skjema', 'ordning', 'behandling', 'tilsyn', 'kontroll',
    'regnskap', 'budsjett', 'innsyn', 'krav', 'avvik', 'fravær', 'forretning', 'bygg', 'bolig',
    'eiendom', 'skole', 'barnehage', 'helse', 'omsorg', 'pleie', 'hjem', 'vann', 'avløp', 'avfall',
    'renovasjon', 'parkering', 'kart', 'tomt', 'areal', 'regulering', 'dispensasjon', 'deling',
    'seksjonering', 'refusjon', 'stønad', 'bistand', 'avlastning', 'oppfølging', 'veiledning',
    'opplæring', 'undervisning', 'elev', 'ansettelse', 'stilling', 'lønn', 'permisjon', 'ferie',
    'arbeid', 'miljø', 'beredskap', 'brann', 'tilbud', 'anskaffelse', 'innkjøp', 'leverandør',
    'system', 'arkiv', 'journal', 'dokument', 'register', 'registrering', 'protokoll', 'møte',
    'utvalg', 'leder', 'avdeling', 'kommune', 'tilgang', 'rolle', 'bruker', 'pasient', 'barn',
    'ungdom', 'familie', 'vern', 'skjenking', 'servering', 'tiltak', 'prosjekt', 'utbetaling',
    'betaling', 'attestasjon', 'anvisning', 'bestilling', 'mottak', 'tildeling', 'vurdering',
    'kartlegging', 'godkjenning', 'legemiddel', 'medisin', 'vei', 'trafikk', 'transport', 'skyss',
    'bibliotek', 'kultur', 'idrett', 'anlegg', 'nabo', 'plikt', 'rett', 'lov', 'forskrift'
  ]) AS part
$$;
--> statement-breakpoint
-- Each way an indexed word (a stemmed lexeme) ends in a known part with at least three letters
-- before it: "byggesøknad" → (bygg, søknad), "eiendomsskatt" → (eiendom, skatt). The head is
-- stemmed again, which also drops a joining -e or -s ("bygge", "eiendoms").
CREATE OR REPLACE FUNCTION grunnmur_compound_splits(words text[]) RETURNS TABLE (word text, head text, tail text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w.word, (ts_lexize('norwegian_stem', left(w.word, cut.at)))[1], part.stem
  FROM unnest(words) AS w(word)
  CROSS JOIN LATERAL generate_series(3, length(w.word) - 3) AS cut(at)
  JOIN grunnmur_word_parts() AS part(stem) ON part.stem = substr(w.word, cut.at + 1)
$$;
--> statement-breakpoint
-- The words a tsvector gains from its compounds: every head and tail not already in it.
CREATE OR REPLACE FUNCTION grunnmur_compound_parts(vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT part)), ''::tsvector)
  FROM grunnmur_compound_splits(tsvector_to_array(vector)) AS s,
    LATERAL (VALUES (s.head), (s.tail)) AS p(part)
  WHERE part IS NOT NULL AND part <> ''
$$;
--> statement-breakpoint
-- What a person typed (words of letters and digits) as a tsquery: every word must match, each as
-- a prefix; a word that is a compound also matches its parts together, so "byggesøknad" finds
-- "søknad om bygg…". Immutable, so with a constant argument it is evaluated once at planning and
-- the GIN indexes can serve it.
CREATE OR REPLACE FUNCTION grunnmur_search_query(words text[]) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result tsquery;
  typed text;
  term tsquery;
  split record;
BEGIN
  FOREACH typed IN ARRAY words LOOP
    typed := regexp_replace(lower(typed), '[^[:alnum:]]', '', 'g');
    CONTINUE WHEN typed = '';
    term := to_tsquery('norwegian', typed || ':*');
    FOR split IN SELECT s.head, s.tail FROM grunnmur_compound_splits(ARRAY[(ts_lexize('norwegian_stem', typed))[1]]) AS s WHERE s.head IS NOT NULL LOOP
      term := term || ((split.head || ':*')::tsquery && (split.tail || ':*')::tsquery);
    END LOOP;
    result := CASE WHEN result IS NULL THEN term ELSE result && term END;
  END LOOP;
  RETURN result;
END $$;
--> statement-breakpoint
-- The candidates of a search in the current tenant: at most `per_kind` title matches and at most
-- `per_kind` matches anywhere. Under row-level security PostgreSQL may not use a GIN index for
-- `@@` (the operator is not leakproof, so it must not run before the tenant policy), and every
-- search became a scan of the whole table. This function runs as the table owner, which the
-- policy does not bind, and applies the tenant itself from the same setting the policy reads.
-- EXECUTE plans each call with the actual query, so the planner sees how common its words are.
CREATE OR REPLACE FUNCTION grunnmur_search_candidates(query tsquery, kinds text[], per_kind integer)
RETURNS TABLE (id uuid, in_title boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  tenant uuid := grunnmur_current_tenant();
BEGIN
  IF tenant IS NULL OR query IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE $query$
    (SELECT e.id, true FROM search_entries e
      WHERE e.title_search @@ $1 AND e.tenant_id = $2 AND e.kind = ANY ($3)
        AND (e.kind <> 'process' OR EXISTS (SELECT 1 FROM process_versions v
          WHERE v.tenant_id = $2 AND v.process_id = e.entity_id AND v.state = 'published'))
      LIMIT $4)
    UNION ALL
    (SELECT e.id, false FROM search_entries e
      WHERE e.search @@ $1 AND e.tenant_id = $2 AND e.kind = ANY ($3)
        AND (e.kind <> 'process' OR EXISTS (SELECT 1 FROM process_versions v
          WHERE v.tenant_id = $2 AND v.process_id = e.entity_id AND v.state = 'published'))
      LIMIT $4)
  $query$ USING query, tenant, kinds, per_kind;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  title_words tsvector := to_tsvector('norwegian', coalesce(NEW.title, ''));
  body_words tsvector := to_tsvector('norwegian', left(coalesce(NEW.body, ''), 200000));
BEGIN
  NEW.title_search := title_words || grunnmur_compound_parts(title_words);
  NEW.search := setweight(title_words, 'A') || setweight(body_words, 'B') || grunnmur_compound_parts(title_words || body_words);
  RETURN NEW;
END $$;
--> statement-breakpoint
UPDATE search_entries SET title = title;
--> statement-breakpoint
CREATE INDEX "search_entries_title_search_idx" ON "search_entries" USING gin ("title_search");
