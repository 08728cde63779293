import JSZip from 'jszip';
import { extensionOf } from './content-types.ts';

/** Longest text kept for search per version: enough for any routine, bounded for the index. */
const maxTextChars = 200_000;

/** Most pages and time spent reading one PDF; what was read by then is kept. */
const maxPdfPages = 500;
const maxPdfMillis = 10_000;

function decodeXmlEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

/** Text of an Office Open XML part: paragraph and cell ends become line breaks, tags go. */
function xmlText(xml: string): string {
  return decodeXmlEntities(
    xml
      .replace(/<\/(w:p|a:p|si|row|text:p)>/g, '\n')
      .replace(/<(w:tab|w:br)\b[^>]*\/>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

async function zipParts(bytes: Uint8Array, pattern: RegExp): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => pattern.test(name))
    .sort();
  const parts: string[] = [];
  let total = 0;
  for (const name of names) {
    const text = xmlText(await zip.files[name]!.async('string'));
    parts.push(text);
    total += text.length;
    if (total > maxTextChars) break;
  }
  return parts.join('\n');
}

/**
 * Text of a PDF's pages through unpdf (PDF.js built for servers, no native code), loaded only
 * when a PDF arrives so start-up does not pay for it. Reads page by page and stops at the page,
 * time and length limits, keeping what it has: a huge scan must not hold up an upload.
 */
async function pdfText(bytes: Uint8Array, limits: { pages: number; millis: number }): Promise<string> {
  const { getDocumentProxy } = await import('unpdf');
  const deadline = performance.now() + limits.millis;
  // PDF.js refuses a Node Buffer and may detach the buffer it is given, so it gets a plain copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  try {
    const pages: string[] = [];
    let total = 0;
    for (let number = 1; number <= Math.min(pdf.numPages, limits.pages); number++) {
      if (performance.now() > deadline || total > maxTextChars) break;
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      page.cleanup();
      pages.push(text);
      total += text.length;
    }
    return pages.join('\n');
  } finally {
    await pdf.destroy();
  }
}

/**
 * Plain text of a document for the search index: text and CSV as they are, DOCX/XLSX/PPTX/ODF
 * through their XML parts, PDF through its text layer (a scanned PDF without one gives ''). Old
 * binary Office formats give '' too; such documents are still found by their name and path.
 */
export async function extractText(
  name: string,
  bytes: Uint8Array,
  pdfLimits: { pages: number; millis: number } = { pages: maxPdfPages, millis: maxPdfMillis },
): Promise<string> {
  const extension = extensionOf(name);
  try {
    let text = '';
    if (['txt', 'md', 'csv'].includes(extension)) text = new TextDecoder('utf-8').decode(bytes);
    else if (extension === 'docx') text = await zipParts(bytes, /^word\/(document|header\d*|footer\d*)\.xml$/);
    else if (extension === 'xlsx') text = await zipParts(bytes, /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/);
    else if (extension === 'pptx') text = await zipParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    else if (extension === 'odt' || extension === 'ods') text = await zipParts(bytes, /^content\.xml$/);
    else if (extension === 'pdf') text = await pdfText(bytes, pdfLimits);
    return text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, maxTextChars);
  } catch {
    // A damaged file is still stored; it just cannot be searched by its content.
    return '';
  }
}
