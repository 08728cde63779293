import JSZip from 'jszip';
import { extensionOf } from './content-types.ts';

/** Longest text kept for search per version: enough for any routine, bounded for the index. */
const maxTextChars = 200_000;

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
 * Plain text of a document for the search index, when that is cheap: text and CSV as they are,
 * DOCX/XLSX/PPTX/ODF through their XML parts. PDF and old binary Office formats give '' (their
 * text is not extracted; the document is still found by its name and path).
 */
export async function extractText(name: string, bytes: Uint8Array): Promise<string> {
  const extension = extensionOf(name);
  try {
    let text = '';
    if (['txt', 'md', 'csv'].includes(extension)) text = new TextDecoder('utf-8').decode(bytes);
    else if (extension === 'docx') text = await zipParts(bytes, /^word\/(document|header\d*|footer\d*)\.xml$/);
    else if (extension === 'xlsx') text = await zipParts(bytes, /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/);
    else if (extension === 'pptx') text = await zipParts(bytes, /^ppt\/slides\/slide\d+\.xml$/);
    else if (extension === 'odt' || extension === 'ods') text = await zipParts(bytes, /^content\.xml$/);
    return text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim().slice(0, maxTextChars);
  } catch {
    // A damaged file is still stored; it just cannot be searched by its content.
    return '';
  }
}
