-- Lifecycle tables are tenant data; every change to them is audited (who scheduled, who applied).
SELECT grunnmur_secure_table('scheduled_changes');
--> statement-breakpoint
SELECT grunnmur_secure_table('identity_settings');
--> statement-breakpoint
SELECT grunnmur_secure_table('guest_sponsorships');
--> statement-breakpoint
SELECT grunnmur_secure_table('identity_notices');
--> statement-breakpoint
-- The HR runs hold the whole computed diff; the applied changes themselves are audited row by row.
SELECT grunnmur_secure_table('hr_import_runs', false);
