-- SCIM users' links, groups and memberships are tenant data written by SCIM clients: secured and audited.
SELECT grunnmur_secure_table('scim_users');
--> statement-breakpoint
SELECT grunnmur_secure_table('scim_groups');
--> statement-breakpoint
SELECT grunnmur_secure_table('scim_group_members');
