import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token for a cookie, CSRF or API use. */
export const newToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so a leaked database holds no usable credential. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
