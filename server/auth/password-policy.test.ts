import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertPasswordPolicy, PASSWORD_PROBLEMS, passwordProblem, type PasswordOwner } from './password-policy.js';

/** Each password, named should it fail, has `problem` (undefined: none), for the person `who` when given. */
function expectEach(problem: string | undefined, passwords: string[], who?: PasswordOwner) {
  for (const password of passwords) expect(passwordProblem(password, who), password).toBe(problem);
}

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

  it('refuses a common password with digits or symbols appended or prepended', () => {
    expectEach(PASSWORD_PROBLEMS.commonVariant, [
      'password1234',
      'Password1234!',
      '2024!password',
      '!!sunshine!!',
      'dragon-2024!',
      '123 monkey 456',
      'qwertyuiop12',
    ]);
  });

  it('refuses one character repeated, sequences, keyboard rows and a short piece repeated', () => {
    expectEach(PASSWORD_PROBLEMS.pattern, [
      '123456789012',
      '098765432109',
      'aaaaaaaaaaaa',
      '111111111111',
      'abcdefghijkl',
      'LKJIHGFEDCBA',
      'qwertyuiopå1',
      'asdfghjklöä!',
      'aaaa bbbb cccc',
      'abcabcabcabc',
      'xyz1xyz1xyz1',
      '!"#¤%&/()=?`',
    ]);
  });

  it("refuses the person's own e-mail address or name and the service's name, give or take digits and symbols", () => {
    const who = { email: 'reetta.edustaja@example.fi', displayName: 'Reetta Edustaja' };
    expectEach(
      PASSWORD_PROBLEMS.personal,
      [
        'reetta.edustaja@example.fi',
        'Reetta Edustaja 2024',
        'reettaedustaja!',
        '2024reetta2024',
        'Edustaja12345!',
        'Yhteispeli2026!',
        'yhteispeli password',
      ],
      who,
    );
    // Without the person: the service's name is still refused.
    expect(passwordProblem('yhteispeli123')).toBe(PASSWORD_PROBLEMS.personal);
    // A passphrase that only mentions a name is the person's own choice.
    expect(passwordProblem('Reetta kiipeää vuorille kesällä', who)).toBeUndefined();
    expect(passwordProblem('Reetan oma pitkä salasana', who)).toBeUndefined();
  });

  it('accepts long passphrases and random passwords', () => {
    expectEach(
      undefined,
      [
        'a perfectly fine passphrase',
        'Kolme karhua kalliolla 3',
        'Kuusi kurkea kaivossa 42',
        'Seitsemän siiliä sillalla 7',
        'Neljä kettua kuusikossa 4',
        'Pääkäyttäjän pitkä salalause 1',
        'Edustajan oma salalause 2',
        'v8#Qm2!rTz9Lp',
        'correct horse battery staple',
      ],
      { email: 'someone@example.fi', displayName: 'Some One' },
    );
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
