-- The role model and the engine's answers are tenant data; every change to them is audited, so
-- that "who gave Kari this, when" has an answer. Recompute runs are their own record.
SELECT grunnmur_secure_table('system_roles');
SELECT grunnmur_secure_table('business_roles');
SELECT grunnmur_secure_table('business_role_system_roles');
SELECT grunnmur_secure_table('assignment_rules');
SELECT grunnmur_secure_table('competences');
SELECT grunnmur_secure_table('person_competences');
SELECT grunnmur_secure_table('role_competence_requirements');
SELECT grunnmur_secure_table('role_assignments');
SELECT grunnmur_secure_table('desired_entitlements');
SELECT grunnmur_secure_table('access_recompute_runs', false);
