import { describe, expect, it } from 'vitest';
import { fieldError, toApiError, withoutField } from '../graphql/errors';
import { catalogues } from './catalogues';
import { errorMessage, fieldErrorMessage, serverFieldMessage } from './errorMessage';
import { createTranslate } from './i18n';

const t = createTranslate(catalogues.en);
const gql = (extensions: Record<string, unknown>, message = 'English message') => ({
  message,
  graphQLErrors: [{ message, extensions }],
});

describe('error to message', () => {
  it('says wrong credentials at login and an ended session elsewhere for UNAUTHENTICATED', () => {
    const error = toApiError(gql({ code: 'UNAUTHENTICATED' }))!;
    expect(errorMessage(error, t, 'login')).toBe(catalogues.en['login.wrongCredentials']);
    expect(errorMessage(error, t)).toBe(catalogues.en['error.UNAUTHENTICATED']);
  });

  it('asks to correct marked fields only where there are fields: a page that could not load says so', () => {
    const error = toApiError(gql({ code: 'BAD_USER_INPUT', fields: { partyId: 'Not a valid id' } }))!;
    expect(errorMessage(error, t)).toBe(catalogues.en['error.BAD_USER_INPUT']);
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const page = errorMessage(error, createTranslate(catalogues[lang]), 'page');
      expect(page).toBe(catalogues[lang]['error.BAD_USER_INPUT_PAGE']);
      expect(page).not.toMatch(/kent|fält|field/i);
    }
  });

  it('tells how many seconds to wait when rate limited', () => {
    const error = toApiError(gql({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }))!;
    expect(errorMessage(error, t, 'login')).toContain('42 seconds');
    const long = toApiError(gql({ code: 'RATE_LIMITED', retryAfterSeconds: 900 }))!;
    expect(errorMessage(long, t, 'login')).toContain('15 minutes');
  });

  it('tells a database outage as a short wait, not as an internal error', () => {
    const error = toApiError(gql({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 }))!;
    expect(errorMessage(error, t)).toBe(
      'The service is briefly unavailable (the database cannot be reached). Try again in 2 seconds.',
    );
  });

  it('shows the request id of an internal error', () => {
    const error = toApiError(gql({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' }))!;
    expect(errorMessage(error, t)).toContain('req-123');
  });

  it('names the current version of a conflict', () => {
    const error = toApiError(gql({ code: 'CONFLICT', currentVersion: 7 }))!;
    expect(error.currentVersion).toBe(7);
    expect(errorMessage(error, t)).toContain('7');
  });

  it('maps field errors by path with or without the input prefix', () => {
    const error = toApiError(
      gql({ code: 'BAD_USER_INPUT', fields: { 'input.names.fi': 'Required', subRegion: 'Too long', bad: 3 } }),
    )!;
    expect(fieldError(error, 'names.fi')).toBe('Required');
    expect(fieldError(error, 'subRegion')).toBe('Too long');
    expect(error.fields).not.toHaveProperty('bad');
    const fixedOne = withoutField(error, 'names.fi');
    expect(fixedOne?.fields).toEqual({ subRegion: 'Too long' });
    expect(withoutField(fixedOne, 'subRegion')).toBeUndefined();
  });

  it('has a message for every contract code, and unknown codes read as a generic failure', () => {
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'INVALID_TRANSITION', 'QUERY_TOO_COMPLEX']) {
      const message = errorMessage(toApiError(gql({ code, from: 'A', to: 'B', limit: 10, actual: 12 }))!, t);
      expect(message).not.toMatch(/\{|error\./);
    }
    expect(toApiError(gql({ code: 'TEAPOT' }))!.code).toBe('UNKNOWN');
  });

  it('reads a missing answer as a network error', () => {
    const error = toApiError({
      message: '[Network] Failed to fetch',
      networkError: new Error('Failed to fetch'),
      graphQLErrors: [],
    })!;
    expect(error.code).toBe('NETWORK');
    expect(errorMessage(error, t)).toBe(catalogues.en['error.NETWORK']);
  });

  it("translates the server's common field messages and quotes the others", () => {
    const fi = createTranslate(catalogues.fi);
    expect(fieldErrorMessage('Required', fi)).toBe('Tämä tieto on pakollinen.');
    expect(fieldErrorMessage('At most 100 characters', fi)).toBe('Enintään 100 merkkiä.');
    expect(fieldErrorMessage('Has no visible character', fi)).toBe(catalogues.fi['error.fieldInvisible']);
    expect(fieldErrorMessage('Must be a single line (no line breaks)', fi)).toBe(catalogues.fi['error.fieldOneLine']);
    expect(fieldErrorMessage('Not an email address', fi)).toBe('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(fieldErrorMessage('Expected a date as YYYY-MM-DD', fi)).toContain('Expected a date as YYYY-MM-DD');
    expect(fieldErrorMessage('A decision already made cannot be dated after today', fi)).toBe(
      'Tehty päätös ei voi olla päivätty tämän päivän jälkeen.',
    );
    // graphql-js's refusal of a variable: an empty value is a missing one; otherwise its reason alone.
    expect(
      fieldErrorMessage('Variable "$input" got invalid value "" at "input.decisionDate"; Expected a date as YYYY-MM-DD', fi),
    ).toBe('Tämä tieto on pakollinen.');
    const refused = fieldErrorMessage(
      'Variable "$input" got invalid value "2026-13-01" at "input.decisionDate"; Expected a date as YYYY-MM-DD',
      fi,
    );
    expect(refused).toContain('Expected a date as YYYY-MM-DD');
    expect(refused).not.toContain('Variable');
  });

  it("gives a form field the server's refusal of it in words, and nothing for a field it did not refuse", () => {
    const fi = createTranslate(catalogues.fi);
    const error = toApiError(gql({ code: 'BAD_USER_INPUT', fields: { 'input.title': 'Required' } }))!;
    expect(serverFieldMessage(error, 'title', fi)).toBe('Tämä tieto on pakollinen.');
    expect(serverFieldMessage(error, 'proposal', fi)).toBeUndefined();
    expect(serverFieldMessage(undefined, 'title', fi)).toBeUndefined();
  });

  it('says the server’s and GraphQL’s refusals of a number in the reader’s language', () => {
    const sv = createTranslate(catalogues.sv, 'sv');
    expect(fieldErrorMessage('Cannot be negative', sv, 'sv')).toBe('Det minsta tillåtna värdet är 0.');
    expect(fieldErrorMessage('Too large', sv, 'sv')).toBe('Talet är för stort.');
    expect(fieldErrorMessage('Expected a whole number', sv, 'sv')).toBe(catalogues.sv['error.fieldWholeNumber']);
    expect(fieldErrorMessage('From 2000', sv, 'sv')).toBe('Ange år 2000 eller senare.');
    const int32 =
      'Variable "$input" got invalid value 99999999999 at "input.estimatedResidents"; Int cannot represent non 32-bit signed integer value: 99999999999';
    expect(fieldErrorMessage(int32, sv, 'sv')).toBe('Det största tillåtna värdet är 2\u00a0147\u00a0483\u00a0647.');
    const fi = createTranslate(catalogues.fi, 'fi');
    expect(fieldErrorMessage('At most 10000', fi, 'fi')).toBe('Suurin sallittu arvo on 10\u00a0000.');
  });

  it('says a refusal it cannot translate as a general sentence in Finnish and Swedish, and quotes it in English', () => {
    for (const lang of ['fi', 'sv'] as const) {
      const message = fieldErrorMessage('Some new rule of the server', createTranslate(catalogues[lang], lang), lang);
      expect(message).toBe(catalogues[lang]['error.fieldUnknown']);
      expect(message).not.toContain('Some new rule');
    }
    expect(fieldErrorMessage('Some new rule of the server', createTranslate(catalogues.en, 'en'), 'en')).toBe(
      'The server did not accept the value: Some new rule of the server',
    );
  });
});
