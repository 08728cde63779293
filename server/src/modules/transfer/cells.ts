/**
 * Reading and writing single cells of an import file: numbers, dates, choices from a list,
 * licence lists. Pure: no I/O. Messages are what a municipal user reads, in bokmål.
 */

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

/** Accepts `1234`, `1234.5`, `1234,5`, `1 234,50` and `1.234,50` (Norwegian spreadsheets). */
export function parseNumber(raw: string): CellResult<number> {
  let text = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (text.includes(',') && text.includes('.')) text = text.replaceAll('.', '');
  text = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail(`«${raw.trim()}» er ikke et tall`);
  return ok(Number(text));
}

/** Written with a decimal comma, as Norwegian spreadsheets expect; `parseNumber` reads it back. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Accepts `2024-08-01` and `1.8.2024` / `01.08.2024`; returns ISO `YYYY-MM-DD`. */
export function parseDate(raw: string): CellResult<string> {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : norwegian
      ? [Number(norwegian[3]), Number(norwegian[2]), Number(norwegian[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    return fail(`«${text}» er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)`);
  }
  return ok(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** A closed list of values: the Norwegian label is written; Norwegian and English are read. */
export interface Choice<Code extends string> {
  code: Code;
  label: string;
  aliases?: string[];
}

const fold = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

export function choiceReader<Code extends string>(choices: readonly Choice<Code>[]) {
  const byText = new Map<string, Code>();
  for (const choice of choices) {
    for (const text of [choice.label, choice.code, ...(choice.aliases ?? [])]) byText.set(fold(text), choice.code);
  }
  const allowed = choices.map((choice) => choice.label).join(', ');
  const labels = new Map(choices.map((choice) => [choice.code, choice.label]));
  return {
    read(raw: string): CellResult<Code> {
      const code = byText.get(fold(raw));
      return code ? ok(code) : fail(`«${raw.trim()}» er ikke en gyldig verdi. Gyldige verdier: ${allowed}`);
    },
    label: (code: Code): string => labels.get(code) ?? code,
  };
}

export interface LicenceCell {
  licenceType: string;
  count: number;
  unitPrice: number;
}

/** `Bruker:100:450; Admin:5:0` — type, count, unit price a year, separated by `;`. */
export function parseLicences(raw: string): CellResult<LicenceCell[]> {
  const licences: LicenceCell[] = [];
  for (const part of raw.split(/[;\n]/).map((item) => item.trim()).filter(Boolean)) {
    // The type may itself hold a colon, so count and price are read from the right.
    const pieces = part.split(':');
    if (pieces.length < 3) return fail(`«${part}» må skrives som type:antall:pris, for eksempel Bruker:100:450`);
    const unitPrice = parseNumber(pieces.pop()!);
    const count = parseNumber(pieces.pop()!);
    const licenceType = pieces.join(':').trim();
    if (!licenceType) return fail(`«${part}» mangler lisenstype`);
    if (!count.ok || !Number.isInteger(count.value) || count.value < 0) return fail(`Antall i «${part}» må være et helt tall, 0 eller mer`);
    if (!unitPrice.ok || unitPrice.value < 0) return fail(`Pris i «${part}» må være et tall, 0 eller mer`);
    if (licences.some((licence) => licence.licenceType === licenceType)) return fail(`Lisenstypen «${licenceType}» står to ganger`);
    licences.push({ licenceType, count: count.value, unitPrice: unitPrice.value });
  }
  return ok(licences);
}

export function formatLicences(licences: readonly LicenceCell[]): string {
  return [...licences]
    .sort((a, b) => a.licenceType.localeCompare(b.licenceType, 'nb'))
    .map((licence) => `${licence.licenceType}:${licence.count}:${formatNumber(licence.unitPrice)}`)
    .join('; ');
}

/**
 * Several names in one cell: `Public 360; Visma Flyt Skole`, or one per line (Alt+Enter in
 * Excel). Each is trimmed; a name written twice is a slip worth saying.
 */
export function parseList(raw: string): CellResult<string[]> {
  const items = new Set<string>();
  for (const item of raw.split(/[;\n]/).map((part) => part.trim()).filter(Boolean)) {
    if (items.has(item)) return fail(`«${item}» står to ganger`);
    items.add(item);
  }
  return ok([...items]);
}

/** Sorted, so that the same links always give the same cell. */
export function formatList(items: readonly string[]): string {
  return [...items].sort((a, b) => a.localeCompare(b, 'nb')).join('; ');
}

/** Loose on purpose: HR systems hold odd but working addresses; this catches typing slips. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
