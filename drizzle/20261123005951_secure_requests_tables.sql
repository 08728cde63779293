-- Access requests, their approval steps and deputies are tenant data; every change is audited.
SELECT grunnmur_secure_table('access_requests');
--> statement-breakpoint
SELECT grunnmur_secure_table('approval_steps');
--> statement-breakpoint
SELECT grunnmur_secure_table('deputies');
