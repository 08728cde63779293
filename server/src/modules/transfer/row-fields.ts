/**
 * zod building blocks for one cell of an import row. Each reads the cell's text; an empty cell
 * becomes `null` unless the field is required. A column missing from the file is `undefined`
 * (the schema marks those `.optional()`), which the plan reads as "keep what is stored".
 */
import { z } from 'zod';
import { isEmailAddress, parseDate, parseLicences, parseList, parseNumber, type CellResult, type Choice, choiceReader } from './cells.ts';

function cell<T>(read: (text: string) => CellResult<T>, { required = false } = {}) {
  return z.string().transform((raw, ctx): T | null => {
    const text = raw.trim();
    if (!text) {
      if (required) ctx.addIssue({ code: 'custom', message: 'Må fylles ut' });
      return null;
    }
    const result = read(text);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return null;
    }
    return result.value;
  });
}

export const textCell = ({ required = false, max = 200 } = {}) =>
  cell((text): CellResult<string> => (text.length > max ? { ok: false, message: `Kan ikke være lengre enn ${max} tegn` } : { ok: true, value: text }), { required });

export const numberCell = ({ min = 0 } = {}) =>
  cell((text) => {
    const result = parseNumber(text);
    if (result.ok && result.value < min) return { ok: false, message: `Må være ${min} eller mer` };
    return result;
  });

export const dateCell = ({ required = false } = {}) => cell(parseDate, { required });

export const choiceCell = <Code extends string>(choices: readonly Choice<Code>[]) => {
  const reader = choiceReader(choices);
  return cell((text) => reader.read(text));
};

export const emailCell = () =>
  cell((text): CellResult<string> => (isEmailAddress(text) ? { ok: true, value: text } : { ok: false, message: `«${text}» er ikke en gyldig e-postadresse` }));

export const licencesCell = () => cell(parseLicences);

/** Names of other objects, `;` or one per line; an empty cell is an empty list (`null`). */
export const listCell = () => cell(parseList);

/** The `id` column export writes, so that a rename in a spreadsheet is an update. */
export const idCell = () =>
  textCell({ max: 36 }).refine((value) => value === null || z.uuid().safeParse(value).success, {
    message: 'Må være en id fra en eksport fra Grunnmur, eller stå tom',
  });
