import { describe, expect, it } from 'vitest';
import { peopleChanges } from './people-changes';

describe('what a batch means for its people', () => {
  it('counts a new account as a joiner, disabled accounts as a leaver and other access changes as a mover, once per person', () => {
    expect(
      peopleChanges([
        { personId: 'nina', action: 'create_account' },
        { personId: 'nina', action: 'grant' },
        { personId: 'ola', action: 'revoke' },
        { personId: 'ola', action: 'disable_account' },
        { personId: 'kari', action: 'grant' },
        { personId: 'kari', action: 'revoke' },
      ]),
    ).toEqual({ joiners: 1, movers: 1, leavers: 1 });
  });

  it('is all zero for an empty batch', () => {
    expect(peopleChanges([])).toEqual({ joiners: 0, movers: 0, leavers: 0 });
  });
});
