-- Tenant isolation and audit, applied the same on PGlite and PostgreSQL.
-- The application works as the role grunnmur_app inside each request's transaction
-- (SET LOCAL ROLE); row-level security limits that role to the tenant in app.tenant_id.
-- Every later table that holds tenant data is passed to grunnmur_secure_table() in its migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grunnmur_app') THEN
    CREATE ROLE grunnmur_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT pg_has_role(current_user, 'grunnmur_app', 'MEMBER') THEN
    EXECUTE format('GRANT grunnmur_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO grunnmur_app;
--> statement-breakpoint
GRANT SELECT ON tenants TO grunnmur_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_current_tenant() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_audit_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - 'token_hash' END;
  new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - 'token_hash' END;
  subject jsonb := coalesce(new_row, old_row);
BEGIN
  -- An update that only touched bookkeeping columns is no change a person would look for.
  IF TG_OP = 'UPDATE' AND (old_row - 'updated_at' - 'version' - 'last_used_at') = (new_row - 'updated_at' - 'version' - 'last_used_at') THEN
    RETURN NEW;
  END IF;
  INSERT INTO audit_events (tenant_id, actor_id, actor_name, action, entity_type, entity_id, entity_label, before, after, request_id)
  VALUES (
    (subject ->> 'tenant_id')::uuid,
    coalesce(nullif(current_setting('app.actor_id', true), ''), 'system'),
    coalesce(nullif(current_setting('app.actor_name', true), ''), 'Grunnmur'),
    lower(TG_OP),
    TG_TABLE_NAME,
    subject ->> 'id',
    coalesce(subject ->> 'name', subject ->> 'title', subject ->> 'display_name',
             nullif(concat_ws(' ', subject ->> 'given_name', subject ->> 'family_name'), ''),
             subject ->> 'licence_type'),
    old_row,
    new_row,
    nullif(current_setting('app.request_id', true), '')
  );
  RETURN coalesce(NEW, OLD);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION grunnmur_secure_table(target regclass, audited boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO grunnmur_app '
                 'USING (tenant_id = grunnmur_current_tenant()) '
                 'WITH CHECK (tenant_id = grunnmur_current_tenant())', target);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO grunnmur_app', target);
  IF audited THEN
    EXECUTE format('DROP TRIGGER IF EXISTS audit_row ON %s', target);
    EXECUTE format('CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION grunnmur_audit_row()', target);
  END IF;
END $$;
--> statement-breakpoint
SELECT grunnmur_secure_table('org_units');
--> statement-breakpoint
SELECT grunnmur_secure_table('positions');
--> statement-breakpoint
SELECT grunnmur_secure_table('persons');
--> statement-breakpoint
SELECT grunnmur_secure_table('employments');
--> statement-breakpoint
SELECT grunnmur_secure_table('systems');
--> statement-breakpoint
SELECT grunnmur_secure_table('licence_pools');
--> statement-breakpoint
SELECT grunnmur_secure_table('users');
--> statement-breakpoint
SELECT grunnmur_secure_table('api_tokens');
--> statement-breakpoint
SELECT grunnmur_secure_table('sessions', false);
--> statement-breakpoint
-- The audit log: the application may add to it and read it, never change or remove it.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_events TO grunnmur_app
  USING (tenant_id = grunnmur_current_tenant()) WITH CHECK (tenant_id = grunnmur_current_tenant());
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO grunnmur_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO grunnmur_app;
--> statement-breakpoint
-- Job progress is tenant data, but bookkeeping rather than a change anyone looks for in history.
SELECT grunnmur_secure_table('job_runs', false);
