import { describe, expect, it } from 'vitest';
import { noticeEmail } from './email-message.ts';

const notice = { message: 'Gjesten Ola Konsulent slutter 2026-12-01. Forleng eller la tilgangen ende.', link: '/identity/guests', personName: 'Kari Nordmann', tenantName: 'Demo kommune' };

describe('a notice as an e-mail', () => {
  it('names the notice in the subject and links to where to act on it', () => {
    const email = noticeEmail(notice, 'https://grunnmur.demo.kommune.no');
    expect(email.subject).toBe('Grunnmur: Gjesten Ola Konsulent slutter 2026-12-01. Forleng eller la tilgangen ende.');
    expect(email.text).toContain('Hei Kari Nordmann,');
    expect(email.text).toContain('https://grunnmur.demo.kommune.no/identity/guests');
    expect(email.text).toContain('Demo kommune');
  });

  it('shortens a long first line for the subject and links to the start page when the notice has no link', () => {
    const email = noticeEmail({ ...notice, message: 'x'.repeat(200), link: null }, 'http://localhost:3000');
    expect(email.subject.length).toBeLessThanOrEqual('Grunnmur: '.length + 90);
    expect(email.subject.endsWith('…')).toBe(true);
    expect(email.text).toContain('http://localhost:3000');
  });
});
