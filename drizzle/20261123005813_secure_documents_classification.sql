-- Documents, their versions and code lists are tenant data and audited; the file bytes and
-- extracted text are not audited (the version row records who uploaded what).
SELECT grunnmur_secure_table('documents');
--> statement-breakpoint
SELECT grunnmur_secure_table('document_versions');
--> statement-breakpoint
SELECT grunnmur_secure_table('document_contents', false);
--> statement-breakpoint
SELECT grunnmur_secure_table('code_lists');
--> statement-breakpoint
SELECT grunnmur_secure_table('code_list_values');
