-- Uploaded import files are tenant data; they are removed once imported, so not audited.
SELECT grunnmur_secure_table('import_files', false);
