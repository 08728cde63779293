import { describe, expect, it } from 'vitest';
import { resolveManagerId } from './manager.ts';

describe('who is a person’s manager', () => {
  it('is the manager named on the employment', () => {
    expect(resolveManagerId('kari', 'ola', ['leader'])).toBe('ola');
  });

  it('is the unit leader when the employment names none', () => {
    expect(resolveManagerId('kari', null, ['leader', 'director'])).toBe('leader');
  });

  it('is the leader of the unit above for the leader of a unit', () => {
    expect(resolveManagerId('leader', null, ['leader', null, 'director'])).toBe('director');
  });

  it('is nobody at the top of the organisation', () => {
    expect(resolveManagerId('director', null, ['director'])).toBeNull();
  });
});
