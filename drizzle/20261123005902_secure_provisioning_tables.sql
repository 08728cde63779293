-- Provisioning tables are tenant data. Connector secrets, the mirror of target accounts and the
-- reconciliation run bookkeeping are not audited (secrets must never reach the audit log; the
-- mirrors are rewritten on every reading); every decision and operation is.
SELECT grunnmur_secure_table('system_connectors');
--> statement-breakpoint
SELECT grunnmur_secure_table('provisioning_batches');
--> statement-breakpoint
SELECT grunnmur_secure_table('provisioning_operations');
--> statement-breakpoint
SELECT grunnmur_secure_table('target_accounts', false);
--> statement-breakpoint
SELECT grunnmur_secure_table('target_account_roles', false);
--> statement-breakpoint
SELECT grunnmur_secure_table('provisioning_settings');
--> statement-breakpoint
SELECT grunnmur_secure_table('reconciliation_runs', false);
--> statement-breakpoint
SELECT grunnmur_secure_table('reconciliation_findings');
