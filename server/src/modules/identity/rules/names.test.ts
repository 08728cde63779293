import { describe, expect, it } from 'vitest';
import { checkTemplate, identityFor, renderTemplate, transliterate, uniqueName } from './names.ts';

const templates = { usernameTemplate: '{given3}{family3}', emailTemplate: '{given}.{family}@{domain}', emailDomain: 'demo.kommune.no', reservedWords: [] };
const none = { usernames: new Set<string>(), emails: new Set<string>() };

describe('names', () => {
  it('spells out Norwegian letters and strips accents', () => {
    expect(transliterate('Bjørn Ærlig Åsen')).toBe('bjorn aerlig aasen');
    expect(transliterate('José Müller-Lüdenscheidt')).toBe('jose muller-ludenscheidt');
  });

  it('renders username and e-mail templates from the first given name and the whole family name', () => {
    expect(renderTemplate('{given3}{family3}', { givenName: 'Kåre Anders', familyName: 'Ødegård' })).toBe('kaaode');
    expect(renderTemplate('{given}.{family}@{domain}', { givenName: 'Kåre Anders', familyName: 'Ødegård Berg' }, 'x.no')).toBe('kaare.odegaard-berg@x.no');
    expect(renderTemplate('{initials}', { givenName: 'Kari Anne', familyName: 'Nordmann' })).toBe('kan');
  });

  it('appends a number when the name is taken', () => {
    const taken = new Set(['karnor', 'karnor2']);
    expect(uniqueName('karnor', (c) => taken.has(c), [])).toBe('karnor3');
  });

  it('never hands out a reserved word', () => {
    expect(uniqueName('admin', () => false, ['admin'])).toBe('admin2');
    const identity = identityFor({ givenName: 'Roo', familyName: 'T' }, { ...templates, usernameTemplate: '{given}{family}' }, none);
    expect(identity.username).toBe('root2');
  });

  it('keeps the same username on a rename that renders the same name', () => {
    const taken = { usernames: new Set(['karnor']), emails: new Set(['kari.nordmann@demo.kommune.no']) };
    const identity = identityFor({ givenName: 'Kari', familyName: 'Nordmann' }, templates, taken, { username: 'karnor', email: 'kari.nordmann@demo.kommune.no' });
    expect(identity).toEqual({ username: 'karnor', email: 'kari.nordmann@demo.kommune.no' });
  });

  it('makes e-mail addresses unique before the @', () => {
    const taken = { usernames: new Set<string>(), emails: new Set(['kari.nordmann@demo.kommune.no']) };
    expect(identityFor({ givenName: 'Kari', familyName: 'Nordmann' }, templates, taken).email).toBe('kari.nordmann2@demo.kommune.no');
  });

  it('reports unknown template fields and a missing @', () => {
    expect(checkTemplate('{given}.{familie}', 'username')[0]).toMatch(/Ukjent felt \{familie\}/);
    expect(checkTemplate('{given}.{family}', 'email')).toContain('E-postmalen må ha nøyaktig én @');
    expect(checkTemplate('{given}.{family}@{domain}', 'email')).toEqual([]);
  });
});
