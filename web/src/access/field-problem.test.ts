import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api';
import { fieldProblem, hasFieldProblem, monthsFromToday } from './field-problem';

describe('field problems and competence expiry', () => {
  const error = new ApiError({ title: 'Ugyldig', status: 400, code: 'validation_failed', problems: [{ field: 'name', message: 'Navn må fylles ut' }] });

  it('finds the server message for one field and nothing for the others', () => {
    expect(fieldProblem(error, 'name')).toBe('Navn må fylles ut');
    expect(fieldProblem(error, 'note')).toBeUndefined();
    expect(fieldProblem(new Error('network'), 'name')).toBeUndefined();
    expect(hasFieldProblem(error, ['note', 'name'])).toBe(true);
    expect(hasFieldProblem(error, ['note'])).toBe(false);
  });

  it('puts the expiry of a competence taken today whole months ahead, across a year end', () => {
    expect(monthsFromToday(24, new Date(2026, 10, 23))).toBe('2028-11-23');
    expect(monthsFromToday(3, new Date(2026, 10, 23))).toBe('2027-02-23');
  });
});
