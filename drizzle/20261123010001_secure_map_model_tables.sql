-- The map's tables hold tenant data and are audited, except the model version counter (a cache key).
SELECT grunnmur_secure_table('services');
--> statement-breakpoint
SELECT grunnmur_secure_table('information_objects');
--> statement-breakpoint
SELECT grunnmur_secure_table('system_information');
--> statement-breakpoint
SELECT grunnmur_secure_table('integrations');
--> statement-breakpoint
SELECT grunnmur_secure_table('integration_information');
--> statement-breakpoint
SELECT grunnmur_secure_table('technology_components');
--> statement-breakpoint
SELECT grunnmur_secure_table('system_technology');
--> statement-breakpoint
SELECT grunnmur_secure_table('service_processes');
--> statement-breakpoint
SELECT grunnmur_secure_table('service_systems');
--> statement-breakpoint
SELECT grunnmur_secure_table('model_elements');
--> statement-breakpoint
SELECT grunnmur_secure_table('model_relations');
--> statement-breakpoint
SELECT grunnmur_secure_table('archimate_identifiers');
--> statement-breakpoint
SELECT grunnmur_secure_table('model_views');
--> statement-breakpoint
SELECT grunnmur_secure_table('map_saved_views');
--> statement-breakpoint
SELECT grunnmur_secure_table('map_model_versions', false);
--> statement-breakpoint
-- The map graph is cached per server instance; one statement trigger per table it is built from
-- bumps the municipality's model version, so a cached graph is used only while nothing changed.
CREATE OR REPLACE FUNCTION grunnmur_touch_map_model() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO map_model_versions AS v (tenant_id, version, changed_at)
  SELECT DISTINCT tenant_id, 1, now() FROM changed_rows
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1, changed_at = now();
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Other modules whose tables the map reads can call this in their own migrations.
CREATE OR REPLACE FUNCTION grunnmur_track_map_model(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS map_model_touch_insert ON %s', target);
  EXECUTE format('DROP TRIGGER IF EXISTS map_model_touch_update ON %s', target);
  EXECUTE format('DROP TRIGGER IF EXISTS map_model_touch_delete ON %s', target);
  EXECUTE format('CREATE TRIGGER map_model_touch_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_rows '
                 'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_map_model()', target);
  EXECUTE format('CREATE TRIGGER map_model_touch_update AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed_rows '
                 'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_map_model()', target);
  EXECUTE format('CREATE TRIGGER map_model_touch_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_rows '
                 'FOR EACH STATEMENT EXECUTE FUNCTION grunnmur_touch_map_model()', target);
END $$;
--> statement-breakpoint
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['services', 'information_objects', 'system_information', 'integrations',
    'integration_information', 'technology_components', 'system_technology', 'service_processes', 'service_systems',
    'model_elements', 'model_relations', 'systems', 'licence_pools', 'org_units', 'employments',
    'system_roles', 'business_roles', 'business_role_system_roles', 'assignment_rules', 'role_assignments',
    'desired_entitlements', 'processes', 'process_versions', 'process_element_links'] LOOP
    -- Tables of modules that are not installed are skipped; they can call grunnmur_track_map_model later.
    IF to_regclass(target) IS NOT NULL THEN
      PERFORM grunnmur_track_map_model(target::regclass);
    END IF;
  END LOOP;
END $$;
