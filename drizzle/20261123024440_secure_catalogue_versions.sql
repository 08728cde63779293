-- The catalogue version: bumped once per statement that changes systems or licence pools, so that
-- every server instance can tell with one lookup whether its cached pages of the system list are
-- still current (as org_tree_versions does for the org tree).
SELECT grunnmur_secure_table('catalogue_versions', false);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_touch_catalogue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_versions AS v (tenant_id, version, changed_at)
  SELECT DISTINCT tenant_id, 1, now() FROM changed_rows
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1, changed_at = now();
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['systems', 'licence_pools'] LOOP
    EXECUTE format('CREATE TRIGGER catalogue_touch_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_catalogue()', target);
    EXECUTE format('CREATE TRIGGER catalogue_touch_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_catalogue()', target);
    EXECUTE format('CREATE TRIGGER catalogue_touch_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_catalogue()', target);
  END LOOP;
END $$;
