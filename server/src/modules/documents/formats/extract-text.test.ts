import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { safeRelativePath } from './content-types.ts';
import { extractText } from './extract-text.ts';

describe('extractText', () => {
  it('reads the paragraphs of a DOCX', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>Rutine for mottak</w:t></w:r></w:p><w:p><w:r><w:t>av byggesøknader &amp; klager</w:t></w:r></w:p></w:body></w:document>');
    const text = await extractText('rutine.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(text).toBe('Rutine for mottak\nav byggesøknader & klager');
  });

  it('reads the shared strings of an XLSX', async () => {
    const zip = new JSZip();
    zip.file('xl/sharedStrings.xml', '<sst><si><t>Gebyrregulativ</t></si><si><t>Byggesak</t></si></sst>');
    expect(await extractText('gebyr.xlsx', await zip.generateAsync({ type: 'uint8array' }))).toContain('Gebyrregulativ\nByggesak');
  });

  /** A PDF with a text layer, one line per page, written in the test. */
  async function pdfOf(pageLines: string[]): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const line of pageLines) pdf.addPage().drawText(line, { x: 50, y: 700, size: 12, font });
    return pdf.save();
  }

  it('reads the text of every page of a PDF, Norwegian letters included', async () => {
    const text = await extractText('rutine.pdf', await pdfOf(['Rutine for byggesøknader', 'Klage på vedtak om dispensasjon']));
    expect(text).toContain('Rutine for byggesøknader');
    expect(text).toContain('Klage på vedtak om dispensasjon');
  });

  it('reads a PDF handed over as a Node Buffer (as uploads and zip entries arrive)', async () => {
    expect(await extractText('rutine.pdf', Buffer.from(await pdfOf(['Mottak av klage'])))).toContain('Mottak av klage');
  });

  it('stops reading a PDF at the page limit and keeps the pages read', async () => {
    const text = await extractText('lang.pdf', await pdfOf(['Første side', 'Andre side', 'Tredje side']), { pages: 2, millis: 10_000 });
    expect(text).toContain('Andre side');
    expect(text).not.toContain('Tredje side');
  });

  it('gives no text for a damaged PDF or DOCX instead of failing', async () => {
    expect(await extractText('skjema.pdf', new TextEncoder().encode('%PDF-1.4'))).toBe('');
    expect(await extractText('skadet.docx', new TextEncoder().encode('not a zip'))).toBe('');
  });
});

describe('safeRelativePath', () => {
  it('refuses paths that climb out of the folder or are absolute', () => {
    expect(safeRelativePath('../../etc/passwd')).toBeNull();
    expect(safeRelativePath('a/../../b.txt')).toBeNull();
    expect(safeRelativePath('/etc/passwd')).toBeNull();
    expect(safeRelativePath('C:\\Windows\\x.txt')).toBeNull();
    expect(safeRelativePath('Byggesak\\./Rutine.docx')).toBe('Byggesak/Rutine.docx');
  });
});
