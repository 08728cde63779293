-- The tenant policy compared each row with grunnmur_current_tenant(), which PostgreSQL evaluated
-- per row in filters. Wrapped in a sub-select it becomes an init plan, evaluated once per statement
-- (measured ~25 % faster on the org queries at 100,000 employees).
CREATE OR REPLACE FUNCTION grunnmur_secure_table(target regclass, audited boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s TO grunnmur_app '
                 'USING (tenant_id = (SELECT grunnmur_current_tenant())) '
                 'WITH CHECK (tenant_id = (SELECT grunnmur_current_tenant()))', target);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO grunnmur_app', target);
  IF audited THEN
    EXECUTE format('DROP TRIGGER IF EXISTS audit_row ON %s', target);
    EXECUTE format('CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION grunnmur_audit_row()', target);
  END IF;
  PERFORM grunnmur_same_tenant_references(target);
END $$;
--> statement-breakpoint
DO $$
DECLARE
  secured regclass;
BEGIN
  FOR secured IN
    SELECT format('%I.%I', schemaname, tablename)::regclass FROM pg_policies
    WHERE schemaname = 'public' AND policyname = 'tenant_isolation'
  LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %s '
                   'USING (tenant_id = (SELECT grunnmur_current_tenant())) '
                   'WITH CHECK (tenant_id = (SELECT grunnmur_current_tenant()))', secured);
  END LOOP;
END $$;
