-- Process hierarchy, versions, links, review comments, rule settings and reminders are tenant data.
SELECT grunnmur_secure_table('processes');
--> statement-breakpoint
SELECT grunnmur_secure_table('process_versions');
--> statement-breakpoint
SELECT grunnmur_secure_table('process_element_links');
--> statement-breakpoint
SELECT grunnmur_secure_table('process_review_comments');
--> statement-breakpoint
SELECT grunnmur_secure_table('modelling_rule_settings');
--> statement-breakpoint
SELECT grunnmur_secure_table('process_review_reminders');
