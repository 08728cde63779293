-- SCIM users' links, groups and memberships are tenant data written by SCIM clients: secured and
-- audited. The tables were created in 20261123010030 (another module's generate carried them);
-- 20261123005837_secure_scim_tables ran before they existed and is now a no-op.
SELECT grunnmur_secure_table('scim_users');
--> statement-breakpoint
SELECT grunnmur_secure_table('scim_groups');
--> statement-breakpoint
SELECT grunnmur_secure_table('scim_group_members');
