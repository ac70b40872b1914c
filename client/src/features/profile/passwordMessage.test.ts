import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { createTranslate, languages } from '../../i18n/i18n';
import { passwordMessage } from './passwordMessage';

/** The policy's reasons as the server words them (server/auth/password-policy.ts; its tests and the integration tests pin them). */
const PASSWORD_PROBLEMS = {
  tooShort: 'At least 12 characters',
  common: 'This password is among the most common ones; choose another',
  commonVariant: 'This password is a common one with digits or symbols added; choose another',
  pattern: 'This password is a simple pattern of repeated, sequential or keyboard characters; choose another',
  personal: "This password is made of your e-mail address, your name or the service's name; choose another",
};

describe('the password policy in the reader’s language', () => {
  it('says each of the server’s reasons in fi, sv and en, each its own words, never the English or the general wording', () => {
    for (const lang of languages) {
      const t = createTranslate(catalogues[lang], lang);
      const said = Object.values(PASSWORD_PROBLEMS).map((reason) => passwordMessage(reason, t));
      for (const [i, text] of said.entries()) {
        expect(text, `${lang} ${i}`).toBeTruthy();
        expect(text).not.toBe(Object.values(PASSWORD_PROBLEMS)[i]);
        expect(text).not.toBe(passwordMessage('Something else', t));
      }
      expect(new Set(said).size).toBe(said.length);
    }
    const fi = createTranslate(catalogues.fi, 'fi');
    expect(passwordMessage(PASSWORD_PROBLEMS.pattern, fi)).toMatch(/helppo arvata/);
  });

  it('names the length the server asks for, not one of its own', () => {
    for (const lang of languages) {
      const t = createTranslate(catalogues[lang], lang);
      expect(passwordMessage('At least 12 characters', t), lang).toMatch(/\b12\b/);
      expect(passwordMessage('At least 16 characters', t), lang).toMatch(/\b16\b/);
    }
  });
});
