-- Portal tables are tenant data. Links, classifications and assessments are audited; the search
-- index and import reports are derived data and not.
SELECT grunnmur_secure_table('process_documents');
--> statement-breakpoint
SELECT grunnmur_secure_table('process_classifications');
--> statement-breakpoint
SELECT grunnmur_secure_table('automation_assessments');
--> statement-breakpoint
SELECT grunnmur_secure_table('bundle_imports', false);
--> statement-breakpoint
SELECT grunnmur_secure_table('search_entries', false);
--> statement-breakpoint
-- The search index follows processes (name, purpose and the element names of the published
-- version) and systems through triggers, so that any module's writes keep it current without
-- knowing about search. Documents are indexed by the documents module when text is extracted.
CREATE OR REPLACE FUNCTION grunnmur_search_refresh_process(target uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  p record;
  element_names text;
BEGIN
  SELECT id, tenant_id, name, purpose INTO p FROM processes WHERE id = target;
  IF NOT FOUND THEN
    DELETE FROM search_entries WHERE kind = 'process' AND entity_id = target;
    RETURN;
  END IF;
  SELECT string_agg(m[1], ' ') INTO element_names
  FROM process_versions v CROSS JOIN LATERAL regexp_matches(v.bpmn_xml, '\sname="([^"]*)"', 'g') AS m
  WHERE v.process_id = target AND v.state = 'published';
  INSERT INTO search_entries (tenant_id, kind, entity_id, title, body)
  VALUES (p.tenant_id, 'process', p.id, p.name, concat_ws(' ', p.purpose, element_names))
  ON CONFLICT (tenant_id, kind, entity_id) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = now();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_search_process_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'processes' THEN
    PERFORM grunnmur_search_refresh_process(coalesce(NEW.id, OLD.id));
  ELSE
    PERFORM grunnmur_search_refresh_process(coalesce(NEW.process_id, OLD.process_id));
  END IF;
  RETURN coalesce(NEW, OLD);
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_entry ON processes;
--> statement-breakpoint
CREATE TRIGGER search_entry AFTER INSERT OR UPDATE OF name, purpose OR DELETE ON processes
  FOR EACH ROW EXECUTE FUNCTION grunnmur_search_process_row();
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_entry ON process_versions;
--> statement-breakpoint
CREATE TRIGGER search_entry AFTER INSERT OR UPDATE OF state, bpmn_xml OR DELETE ON process_versions
  FOR EACH ROW EXECUTE FUNCTION grunnmur_search_process_row();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_search_system_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_entries WHERE kind = 'system' AND entity_id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO search_entries (tenant_id, kind, entity_id, title, body)
  VALUES (NEW.tenant_id, 'system', NEW.id, NEW.name, concat_ws(' ', NEW.description, NEW.supplier))
  ON CONFLICT (tenant_id, kind, entity_id) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = now();
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_entry ON systems;
--> statement-breakpoint
CREATE TRIGGER search_entry AFTER INSERT OR UPDATE OF name, description, supplier OR DELETE ON systems
  FOR EACH ROW EXECUTE FUNCTION grunnmur_search_system_row();
--> statement-breakpoint
INSERT INTO search_entries (tenant_id, kind, entity_id, title, body)
SELECT tenant_id, 'system', id, name, concat_ws(' ', description, supplier) FROM systems
ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT grunnmur_search_refresh_process(id) FROM processes;
