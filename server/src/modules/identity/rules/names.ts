/**
 * Usernames and e-mail addresses made from a person's name by the tenant's templates. Pure.
 *
 * Template tokens: `{given}` (first given name), `{family}` (whole family name), `{givenN}` /
 * `{familyN}` (their first N letters), `{initials}` (first letter of every name) and, in
 * e-mail templates, `{domain}`. Norwegian letters are spelt out (æ→ae, ø→o, å→aa), other
 * accents are stripped, anything that is not a-z, 0-9, `.` or `-` is dropped.
 */

const spelledOut: Record<string, string> = { æ: 'ae', ø: 'o', å: 'aa', ß: 'ss', þ: 'th', ð: 'd', ł: 'l', đ: 'd' };

/** Lower-case ASCII: Norwegian letters spelt out, accents stripped, other characters dropped. */
export function transliterate(text: string): string {
  const lower = text.toLowerCase().replace(/[æøåßþðłđ]/g, (char) => spelledOut[char] ?? char);
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 .-]/g, '');
}

export interface NameParts {
  givenName: string;
  familyName: string;
}

const words = (text: string) => transliterate(text).split(/[\s.-]+/).filter(Boolean);

export const defaultReservedWords = [
  'admin', 'administrator', 'root', 'postmaster', 'hostmaster', 'webmaster', 'abuse', 'noreply', 'no-reply',
  'support', 'security', 'info', 'post', 'system', 'guest', 'test', 'daemon', 'nobody', 'mail', 'ftp', 'www',
];

/** Renders one template; unknown tokens are left out, repeated dots collapse. */
export function renderTemplate(template: string, name: NameParts, domain = ''): string {
  const given = words(name.givenName);
  const family = words(name.familyName);
  const first = given[0] ?? '';
  const whole = family.join('-');
  const rendered = template.replace(/\{([a-z]+)(\d*)\}/gi, (_match, token: string, length: string) => {
    const take = (text: string) => (length ? text.slice(0, Number(length)) : text);
    switch (token.toLowerCase()) {
      case 'given':
        return take(first);
      case 'family':
        return take(whole.replace(/-/g, length ? '' : '-'));
      case 'initials':
        return [...given, ...family].map((word) => word[0]).join('');
      case 'domain':
        return domain.toLowerCase();
      default:
        return '';
    }
  });
  return rendered.replace(/\.{2,}/g, '.').replace(/^[.-]+|[.-]+(?=@|$)/g, '');
}

export interface TemplateProblem {
  message: string;
}

/** What is wrong with a template, said to an administrator; empty when it is usable. */
export function checkTemplate(template: string, kind: 'username' | 'email'): string[] {
  const problems: string[] = [];
  const tokens = [...template.matchAll(/\{([a-z]+)(\d*)\}/gi)].map((match) => match[1]!.toLowerCase());
  const known = kind === 'email' ? ['given', 'family', 'initials', 'domain'] : ['given', 'family', 'initials'];
  for (const token of tokens) if (!known.includes(token)) problems.push(`Ukjent felt {${token}}. Gyldige felt: ${known.map((k) => `{${k}}`).join(', ')}`);
  if (!tokens.some((token) => token === 'given' || token === 'family' || token === 'initials')) problems.push('Malen må bruke minst ett av {given}, {family} eller {initials}');
  if (kind === 'email' && (template.match(/@/g) ?? []).length !== 1) problems.push('E-postmalen må ha nøyaktig én @');
  return problems;
}

/**
 * The first free name from `base`: `base`, then `base2`, `base3`, … A reserved word (or a name
 * that starts with one and is otherwise empty) is never handed out as is.
 */
export function uniqueName(base: string, isTaken: (candidate: string) => boolean, reserved: readonly string[]): string {
  const reservedSet = new Set(reserved.map((word) => transliterate(word)));
  const stem = base || 'bruker';
  const free = (candidate: string) => !reservedSet.has(candidate) && !isTaken(candidate);
  if (free(stem)) return stem;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${stem}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/** As `uniqueName`, for the local part of an address: the number goes before the `@`. */
export function uniqueEmail(address: string, isTaken: (candidate: string) => boolean, reserved: readonly string[]): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return uniqueName(address, isTaken, reserved);
  const local = address.slice(0, at);
  const domain = address.slice(at);
  const reservedSet = new Set(reserved.map((word) => transliterate(word)));
  const free = (candidate: string) => !reservedSet.has(candidate) && !isTaken(`${candidate}${domain}`);
  const stem = local || 'bruker';
  if (free(stem)) return `${stem}${domain}`;
  for (let suffix = 2; ; suffix += 1) if (free(`${stem}${suffix}`)) return `${stem}${suffix}${domain}`;
}

export interface IdentityTemplates {
  usernameTemplate: string;
  emailTemplate: string;
  emailDomain: string;
  reservedWords: readonly string[];
}

/**
 * Username and e-mail for a person, given what is taken. The person's own current names count as
 * free, so a rename that renders the same name keeps it.
 */
export function identityFor(
  name: NameParts,
  templates: IdentityTemplates,
  taken: { usernames: ReadonlySet<string>; emails: ReadonlySet<string> },
  own: { username?: string | null; email?: string | null } = {},
): { username: string; email: string } {
  const reserved = [...defaultReservedWords, ...templates.reservedWords];
  const username = uniqueName(
    renderTemplate(templates.usernameTemplate, name),
    (candidate) => candidate !== own.username && taken.usernames.has(candidate),
    reserved,
  );
  const email = uniqueEmail(
    renderTemplate(templates.emailTemplate, name, templates.emailDomain),
    (candidate) => candidate !== own.email?.toLowerCase() && taken.emails.has(candidate),
    reserved,
  );
  return { username, email };
}
