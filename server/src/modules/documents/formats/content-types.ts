/** File kinds the document store accepts, by extension. Pure: no I/O. */
export const documentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
};

/** Largest document version we store, in bytes. Bigger files belong in the archive system. */
export const maxDocumentBytes = 20 * 1024 * 1024;

export function extensionOf(name: string): string {
  const base = name.split('/').pop() ?? name;
  return base.includes('.') ? base.split('.').pop()!.toLowerCase() : '';
}

/** The content type to store and serve for a file name, or null when we do not take that kind. */
export function contentTypeFor(name: string): string | null {
  return documentTypes[extensionOf(name)] ?? null;
}

/**
 * A folder-relative path with forward slashes, no leading slash, no `.`/`..` parts. Returns null for
 * a path that tries to climb out of its folder or is absolute — such an entry is refused, not fixed.
 */
export function safeRelativePath(raw: string): string | null {
  const path = raw.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return null;
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..')) return null;
  // eslint-disable-next-line no-control-regex
  if (parts.some((part) => /[\u0000-\u001f]/.test(part))) return null;
  return parts.join('/');
}
