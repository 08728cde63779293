-- The search vector was a generated column; generic inserts that copy every column (as the tenant
-- isolation test does) then fail on the column before row-level security is asked. A trigger fills
-- it instead, with the same expression; Drizzle still treats the column as generated and never
-- writes it.
ALTER TABLE search_entries ALTER COLUMN search DROP EXPRESSION;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := setweight(to_tsvector('norwegian', coalesce(NEW.title, '')), 'A')
             || setweight(to_tsvector('norwegian', left(coalesce(NEW.body, ''), 200000)), 'B');
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_vector ON search_entries;
--> statement-breakpoint
CREATE TRIGGER search_vector BEFORE INSERT OR UPDATE ON search_entries
  FOR EACH ROW EXECUTE FUNCTION grunnmur_search_vector();
