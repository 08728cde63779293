-- A row of one municipality must not be able to point at a row of another. Foreign keys are checked
-- without row-level security, so a key on a single column accepts another tenant's id (and tells
-- the caller that the id exists). Every reference between two tenant tables therefore gets a twin
-- foreign key that includes tenant_id, with the same ON DELETE behaviour. Distributed PostgreSQL
-- (Citus) needs the distribution column in such keys as well. See docs/decisions/0002.
CREATE OR REPLACE FUNCTION grunnmur_same_tenant_references(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  fk record;
  unique_name text;
  twin_name text;
  on_delete text;
BEGIN
  FOR fk IN
    SELECT c.conname, c.conrelid, c.confrelid, c.confdeltype,
           c.conrelid::regclass AS child, c.confrelid::regclass AS parent,
           child_column.attname AS child_column, parent_column.attname AS parent_column
    FROM pg_constraint c
    JOIN pg_attribute child_column ON child_column.attrelid = c.conrelid AND child_column.attnum = c.conkey[1]
    JOIN pg_attribute parent_column ON parent_column.attrelid = c.confrelid AND parent_column.attnum = c.confkey[1]
    WHERE c.contype = 'f'
      AND cardinality(c.conkey) = 1
      AND (c.conrelid = target OR c.confrelid = target)
      AND child_column.attname <> 'tenant_id'
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.confrelid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    -- The referenced table needs a unique key on (tenant_id, <referenced column>).
    IF NOT EXISTS (
      SELECT 1 FROM pg_index i
      WHERE i.indrelid = fk.confrelid AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
        AND i.indnkeyatts = 2
        AND i.indkey[0] = (SELECT attnum FROM pg_attribute WHERE attrelid = fk.confrelid AND attname = 'tenant_id')
        AND i.indkey[1] = (SELECT attnum FROM pg_attribute WHERE attrelid = fk.confrelid AND attname = fk.parent_column)
    ) THEN
      unique_name := left(format('%s_tenant_%s_key', (SELECT relname FROM pg_class WHERE oid = fk.confrelid), fk.parent_column), 63);
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I UNIQUE (tenant_id, %I)', fk.parent, unique_name, fk.parent_column);
    END IF;
    on_delete := CASE fk.confdeltype
      WHEN 'c' THEN 'CASCADE'
      WHEN 'n' THEN format('SET NULL (%I)', fk.child_column)
      WHEN 'd' THEN format('SET DEFAULT (%I)', fk.child_column)
      WHEN 'r' THEN 'RESTRICT'
      ELSE 'NO ACTION'
    END;
    twin_name := left(fk.conname, 56) || '_tenant';
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = fk.conrelid AND conname = twin_name) THEN
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (tenant_id, %I) REFERENCES %s (tenant_id, %I) ON DELETE %s',
                     fk.child, twin_name, fk.child_column, fk.parent, fk.parent_column, on_delete);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Securing a table now also ties its references to the same tenant, so later tables get it too.
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
  PERFORM grunnmur_same_tenant_references(target);
END $$;
--> statement-breakpoint
DO $$
DECLARE
  tenant_table regclass;
BEGIN
  FOR tenant_table IN
    SELECT c.oid::regclass FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    PERFORM grunnmur_same_tenant_references(tenant_table);
  END LOOP;
END $$;
