-- The role model and the engine's answers are tenant data; every change to them is audited, so
-- that "who gave Kari this, when" has an answer. Recompute runs are their own record.
SELECT grunnmur_secure_table('system_roles');
--> statement-breakpoint
SELECT grunnmur_secure_table('business_roles');
--> statement-breakpoint
SELECT grunnmur_secure_table('business_role_system_roles');
--> statement-breakpoint
SELECT grunnmur_secure_table('assignment_rules');
--> statement-breakpoint
SELECT grunnmur_secure_table('competences');
--> statement-breakpoint
SELECT grunnmur_secure_table('person_competences');
--> statement-breakpoint
SELECT grunnmur_secure_table('role_competence_requirements');
--> statement-breakpoint
SELECT grunnmur_secure_table('role_assignments');
--> statement-breakpoint
SELECT grunnmur_secure_table('desired_entitlements');
--> statement-breakpoint
SELECT grunnmur_secure_table('access_recompute_runs', false);
