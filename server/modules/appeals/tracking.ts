// The author's code for the public status page and the rating of the answer.
import { randomInt } from 'node:crypto';

/** A code that is easy to type from a letter: no look-alike characters. */
export function trackingCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
