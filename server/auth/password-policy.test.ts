import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertPasswordPolicy, passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('refuses fewer than 12 characters, counting characters rather than UTF-16 units', () => {
    expect(passwordProblem('elevenchars')).toBe('At least 12 characters');
    expect(passwordProblem('ääkkösiä 123')).toBeUndefined();
    expect(passwordProblem('😀'.repeat(11))).toBe('At least 12 characters');
  });

  it('refuses the most common passwords whatever their case, and accepts an uncommon passphrase', () => {
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/most common/);
    expect(passwordProblem('QWERTY123456')).toMatch(/most common/);
    expect(passwordProblem('kolme kissaa katolla')).toBeUndefined();
  });

  it('throws BAD_USER_INPUT naming the field, never echoing the password', () => {
    let thrown: unknown;
    try {
      assertPasswordPolicy('secret-pw', 'newPassword');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: 'At least 12 characters' },
    });
    expect(JSON.stringify((thrown as AppError).toJSON())).not.toContain('secret-pw');
  });
});
