-- Each search index entry carries a word naming its tenant, one no typed query can produce (it
-- starts with '#'; typed words are letters and digits), and the candidate search requires it.
-- The GIN index then intersects the query's words with the tenant's posting list itself, so the
-- heap rows a search reads are its own tenant's, however many other municipalities share the
-- table (decision 0008). Before, their matches were read and thrown away by the tenant filter.
CREATE OR REPLACE FUNCTION grunnmur_search_tenant_word(tenant uuid) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT '#' || replace(tenant::text, '-', '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  title_words tsvector := to_tsvector('norwegian', coalesce(NEW.title, ''));
  body_words tsvector := to_tsvector('norwegian', left(coalesce(NEW.body, ''), 200000));
  tenant_word tsvector := array_to_tsvector(ARRAY[grunnmur_search_tenant_word(NEW.tenant_id)]);
BEGIN
  NEW.title_search := title_words || grunnmur_compound_parts(title_words) || tenant_word;
  NEW.search := setweight(title_words, 'A') || setweight(body_words, 'B') || grunnmur_compound_parts(title_words || body_words) || tenant_word;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_search_candidates(query tsquery, kinds text[], per_kind integer)
RETURNS TABLE (id uuid, in_title boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  tenant uuid := grunnmur_current_tenant();
  scoped tsquery;
BEGIN
  IF tenant IS NULL OR query IS NULL THEN
    RETURN;
  END IF;
  scoped := query && quote_literal(grunnmur_search_tenant_word(tenant))::tsquery;
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
  $query$ USING scoped, tenant, kinds, per_kind;
END $$;
--> statement-breakpoint
UPDATE search_entries SET title = title;
