-- No-op: generated before its tables existed (drizzle-kit stopped at another module's rename prompt).
-- The SCIM tables are created in 20261123010030 and secured in *_secure_scim_tables_after_create.
SELECT 1;
