import { ApiError } from '../app/api';

/** The server's message for one field of a failed write (problem+json `problems`), to show next to that field. */
export function fieldProblem(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.problems.find((problem) => problem.field === field)?.message : undefined;
}

/** True when the error has a message for one of these fields, so the general alert is not needed too. */
export function hasFieldProblem(error: unknown, fields: string[]): boolean {
  return fields.some((field) => fieldProblem(error, field) !== undefined);
}

/** Today plus whole months, as yyyy-mm-dd in local time: when a competence taken today runs out. */
export function monthsFromToday(months: number, today = new Date()): string {
  const date = new Date(today.getFullYear(), today.getMonth() + months, today.getDate());
  return date.toLocaleDateString('en-CA');
}
