import { contentTypeFor, extensionOf, safeRelativePath } from '../../documents/formats/content-types.ts';

/** Limits on an uploaded zip, so a crafted archive (a zip bomb) cannot exhaust memory. */
export const bundleLimits = {
  maxEntries: 1000,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxEntryBytes: 20 * 1024 * 1024,
};

export type EntryKind = 'bpmn' | 'document';
export type EntryPlan = { path: string; kind: EntryKind } | { path: string; refused: string };

/** Files a zip tool or an operating system leaves behind; skipped without a line in the report. */
export function isNoise(rawPath: string): boolean {
  const base = rawPath.split('/').pop() ?? '';
  return rawPath.startsWith('__MACOSX/') || base === '.DS_Store' || base === 'Thumbs.db' || base.startsWith('~$');
}

/** What to do with one entry of the zip, by its path. Pure. */
export function planEntry(rawPath: string): EntryPlan {
  const path = safeRelativePath(rawPath);
  if (!path) return { path: rawPath, refused: 'Filbanen peker ut av mappen (eller er absolutt) og ble ignorert.' };
  const extension = extensionOf(path);
  if (extension === 'bpmn' || extension === 'bpmn2') return { path, kind: 'bpmn' };
  if (extension === 'xml' && /bpmn/i.test(path)) return { path, kind: 'bpmn' };
  if (contentTypeFor(path)) return { path, kind: 'document' };
  return { path, refused: `Filtypen .${extension || '(ingen)'} tas ikke imot. Bruk BPMN, PDF, DOCX, XLSX, ODT, TXT eller CSV.` };
}

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function baseName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.[^.]+$/, '').toLowerCase();
}

/**
 * Which processes a document belongs to, by the folder convention of the import:
 * 1. a document in a folder named like a BPMN file (without extension) beside or above it belongs
 *    to that process — "Byggesak/Mottak av søknad.bpmn" + "Byggesak/Mottak av søknad/Sjekkliste.docx";
 * 2. otherwise, a document whose name starts with a BPMN file's name belongs to that process;
 * 3. otherwise, a document belongs to every process whose BPMN file lies in the same folder.
 * Returns the BPMN paths. Pure.
 */
export function processesForDocument(documentPath: string, bpmnPaths: string[]): string[] {
  const folder = folderOf(documentPath);
  const byFolder = bpmnPaths.filter((bpmn) => {
    const own = `${folderOf(bpmn) ? `${folderOf(bpmn)}/` : ''}${bpmn.split('/').pop()!.replace(/\.[^.]+$/, '')}`;
    return folder === own || folder.startsWith(`${own}/`);
  });
  if (byFolder.length) return byFolder;
  const documentBase = baseName(documentPath);
  const byName = bpmnPaths.filter((bpmn) => folderOf(bpmn) === folder && documentBase.startsWith(baseName(bpmn)));
  if (byName.length) return byName;
  return bpmnPaths.filter((bpmn) => folderOf(bpmn) === folder);
}
