-- Connector secrets are kept apart from the settings so that audit rows never carry them.
SELECT grunnmur_secure_table('system_connector_secrets', false);
--> statement-breakpoint
-- The references to system roles came after the tables were secured; tie them to the tenant too.
SELECT grunnmur_same_tenant_references('provisioning_operations');
--> statement-breakpoint
SELECT grunnmur_same_tenant_references('target_account_roles');
--> statement-breakpoint
SELECT grunnmur_same_tenant_references('reconciliation_findings');
