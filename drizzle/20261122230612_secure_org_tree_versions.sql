-- The org tree version: bumped once per statement that changes units, people or employments, so
-- that every server instance can tell with one lookup whether its cached tree is still current.
-- Statement triggers with transition tables keep a bulk import to one bump per statement.
SELECT grunnmur_secure_table('org_tree_versions', false);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_touch_org_tree() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO org_tree_versions AS v (tenant_id, version, changed_at)
  SELECT DISTINCT tenant_id, 1, now() FROM changed_rows
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1, changed_at = now();
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['org_units', 'persons', 'employments'] LOOP
    EXECUTE format('CREATE TRIGGER org_tree_touch_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_org_tree()', target);
    EXECUTE format('CREATE TRIGGER org_tree_touch_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_org_tree()', target);
    EXECUTE format('CREATE TRIGGER org_tree_touch_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_org_tree()', target);
  END LOOP;
END $$;
