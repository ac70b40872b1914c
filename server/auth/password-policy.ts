import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '../errors.js';

/**
 * The one password policy (issue 12), wherever a password is set (an invitation or reset link, changing one's
 * own, `npm run admin:create`): long enough; not among the most common passwords, nor one of them with digits or
 * symbols added; not a simple pattern (one character repeated, a sequence such as 123456789012 or abcdefghijkl,
 * a keyboard row such as qwertyuiop, a short piece repeated); not the person's own e-mail address or name, nor
 * the service's name, give or take digits and symbols.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** How many of the most common passwords are refused (ranked list shipped by @zxcvbn-ts/language-common, MIT). */
export const COMMON_PASSWORDS_CHECKED = 10_000;

/** The policy's reasons, in English as the contract says; the client words each in the reader's language. */
export const PASSWORD_PROBLEMS = {
  tooShort: `At least ${MIN_PASSWORD_LENGTH} characters`,
  common: 'This password is among the most common ones; choose another',
  commonVariant: 'This password is a common one with digits or symbols added; choose another',
  pattern: 'This password is a simple pattern of repeated, sequential or keyboard characters; choose another',
  personal: "This password is made of your e-mail address, your name or the service's name; choose another",
} as const;

/** Words that say who the person is, besides their own: the service's name. */
const SERVICE_WORDS = ['yhteispeli'];

const common = new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORDS_CHECKED).map((p) => p.toLowerCase()));

/**
 * Runs of characters that follow each other: the alphabet (Finnish and Swedish letters at its end), digits
 * (0 after 9, as on a keyboard), and the rows of Finnish/Swedish and US keyboards, unshifted and shifted.
 */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyzåäö',
  '01234567890',
  '§1234567890+´',
  '½!"#¤%&/()=?`',
  '`1234567890-=',
  '~!@#$%^&*()_+',
  'qwertyuiopå¨',
  'qwertyuiop[]\\',
  "asdfghjklöä'",
  "asdfghjkl;'",
  '<zxcvbnm,.-',
  'zxcvbnm,./',
];

/** True when `b` follows `a` in a sequence, either way, or repeats it. */
function follows(a: string, b: string): boolean {
  if (a === b) return true;
  return SEQUENCES.some((seq) => {
    for (let i = seq.indexOf(a); i !== -1; i = seq.indexOf(a, i + 1)) {
      if (seq[i + 1] === b || seq[i - 1] === b) return true;
    }
    return false;
  });
}

/**
 * True for a simple pattern: at most three runs of repeated or sequential characters ("aaaaaaaaaaaa",
 * "123456789012", "qwertyuiop12", "abcdef654321"), or a piece shorter than the minimum repeated ("abcabcabcabc").
 */
function isPattern(lower: string): boolean {
  const chars = [...lower];
  let breaks = 0;
  for (let i = 1; i < chars.length; i++) if (!follows(chars[i - 1]!, chars[i]!)) breaks++;
  if (breaks <= 2) return true;
  const repeated = /^(.+?)\1+$/u.exec(lower);
  return repeated !== null && [...repeated[1]!].length < MIN_PASSWORD_LENGTH;
}

/** What is left once digits, symbols and spaces at either end are gone ("password" of "!password1234"). */
const core = (lower: string) => lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** Letters and digits only, no spaces or symbols. */
const alnum = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The person's own words: their e-mail address, its parts, their name and its parts (3 letters or more), the service's name. */
function personalWords(who: PasswordOwner | undefined): string[] {
  const words = new Set(SERVICE_WORDS);
  const add = (w: string | undefined) => {
    const a = alnum(w ?? '');
    if ([...a].length >= 3) words.add(a);
  };
  if (who?.email) {
    const email = who.email.toLowerCase();
    add(email);
    const [local, domain] = email.split('@');
    add(local);
    for (const part of (local ?? '').split(/[^\p{L}\p{N}]+/u)) add(part);
    add(domain?.split('.')[0]);
  }
  if (who?.displayName) {
    add(who.displayName);
    for (const part of who.displayName.split(/[^\p{L}\p{N}]+/u)) add(part);
  }
  // The longest first, so that "reettaedustaja" goes before "reetta".
  return [...words].sort((a, b) => b.length - a.length);
}

/** True when the password is the person's own words (or the service's name), give or take digits, symbols and a short rest. */
function isPersonal(lower: string, who: PasswordOwner | undefined): boolean {
  let rest = alnum(lower);
  for (const word of personalWords(who)) rest = rest.split(word).join('');
  if (rest === alnum(lower)) return false;
  const letters = rest.replace(/\p{N}/gu, '');
  return [...letters].length < 4 || common.has(letters) || isPattern(letters);
}

/** Whose password it is, for refusing their own e-mail address and name. */
export interface PasswordOwner {
  email?: string | null;
  displayName?: string | null;
}

/** Why a password is refused, or undefined when it is acceptable. Never logs or echoes the password. */
export function passwordProblem(password: string, who?: PasswordOwner): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return PASSWORD_PROBLEMS.tooShort;
  const lower = password.toLowerCase();
  if (common.has(lower)) return PASSWORD_PROBLEMS.common;
  const stripped = core(lower);
  if (stripped !== lower && stripped !== '' && (common.has(stripped) || common.has(stripped.replace(/\s+/gu, ''))))
    return PASSWORD_PROBLEMS.commonVariant;
  if (isPersonal(lower, who)) return PASSWORD_PROBLEMS.personal;
  if (isPattern(lower) || isPattern(lower.replace(/\s+/gu, ''))) return PASSWORD_PROBLEMS.pattern;
  return undefined;
}

/** Throws BAD_USER_INPUT naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, field: string, who?: PasswordOwner): void {
  const problem = passwordProblem(password, who);
  if (problem) throw badInput({ [field]: problem }, problem);
}
