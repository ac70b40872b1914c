import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '../errors.js';

/** The one password policy (issue 12): long enough and not among the most common passwords. */
export const MIN_PASSWORD_LENGTH = 12;
/** How many of the most common passwords are refused (ranked list shipped by @zxcvbn-ts/language-common, MIT). */
export const COMMON_PASSWORDS_CHECKED = 10_000;

const common = new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORDS_CHECKED).map((p) => p.toLowerCase()));

/** Why a password is refused, or undefined when it is acceptable. Never logs or echoes the password. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `At least ${MIN_PASSWORD_LENGTH} characters`;
  if (common.has(password.toLowerCase())) return 'This password is among the most common ones; choose another';
  return undefined;
}

/** Throws BAD_USER_INPUT naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badInput({ [field]: problem }, problem);
}
