import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../support/test-app.ts';
import { processVersions } from '../../server/src/modules/processes/tables.ts';

/** A multipart body with one file and optional text fields. */
export function multipart(fileName: string, content: Buffer | Uint8Array | string, fields: Record<string, string> = {}) {
  const boundary = `grunnmur${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(Buffer.from(content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A zip of these files. Zip tools refuse to write "../" names, so such a name is written under a
 * placeholder of the same length and patched into the archive's bytes afterwards.
 */
export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  const patches: [string, string][] = [];
  for (const [path, content] of Object.entries(files)) {
    const stored = path.includes('..') ? path.replace(/\.\./g, 'zz') : path;
    if (stored !== path) patches.push([stored, path]);
    zip.file(stored, content, { createFolders: false });
  }
  let bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  for (const [placeholder, real] of patches) {
    bytes = Buffer.from(bytes.toString('latin1').split(placeholder).join(real), 'latin1');
  }
  return bytes;
}

export async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** Publishes the latest version of a process directly (governance is the processes module's). */
export async function publish(t: TestApp, processId: string): Promise<string> {
  const [version] = await t.database.db.select().from(processVersions).where(eq(processVersions.processId, processId));
  await t.database.db.update(processVersions).set({ state: 'published', publishedAt: new Date() }).where(eq(processVersions.id, version!.id));
  return version!.id;
}
