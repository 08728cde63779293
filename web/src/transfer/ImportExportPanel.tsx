// Placeholder until the import/export UI lands; the transfer engineer replaces this file.
export function ImportExportPanel(_props: { kind: 'systems' | 'org' }) {
  return null;
}
