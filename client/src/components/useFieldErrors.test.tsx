import type { SetStateAction } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../graphql/errors';
import { catalogues } from '../i18n/catalogues';
import { I18nContext, type I18nValue } from '../i18n/I18nProvider';
import { createTranslate } from '../i18n/i18n';
import { useFieldErrors, type FieldProblems, type ServerMessages } from './useFieldErrors';

type Field = 'names.fi' | 'mandate';

const i18n: I18nValue = {
  lang: 'en',
  setLang: () => {},
  t: createTranslate(catalogues.en, 'en'),
  number: String,
  date: String,
  dateTime: String,
  name: (names) => names.fi,
};

const refused: ApiError = { code: 'BAD_USER_INPUT', message: 'Bad input', fields: { 'names.fi': 'Required', mandate: 'Odd' } };

/** Renders a form field with the hook and hands back its markup and the hook's answer. */
function render(
  error: ApiError | undefined,
  setError: (action: SetStateAction<ApiError | undefined>) => void = () => {},
  { serverMessages, problems }: { serverMessages?: ServerMessages<Field>; problems?: FieldProblems<Field> } = {},
) {
  let fields: ReturnType<typeof useFieldErrors<Field>> | undefined;
  function Form() {
    fields = useFieldErrors<Field>('body-new', error, setError, serverMessages);
    // The form's own check, shown from the first render (a render-phase update, made once).
    if (problems && fields.messageFor('names.fi') === undefined) fields.setInvalid(problems);
    return (
      <label>
        <input name="names.fi" {...fields.aria('names.fi')} />
        {fields.errorText('names.fi')}
      </label>
    );
  }
  const html = renderToStaticMarkup(
    <I18nContext.Provider value={i18n}>
      <Form />
    </I18nContext.Provider>,
  );
  if (!fields) throw new Error('the form did not render');
  return { html, fields };
}

describe('useFieldErrors', () => {
  it("shows the server's message for a field in words and ties the control to it", () => {
    const { html, fields } = render(refused);
    expect(fields.messageFor('names.fi')).toBe(createTranslate(catalogues.en, 'en')('error.fieldRequired'));
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="body-new-names-fi-error"');
    expect(html).toContain('<span class="yp-field-error" id="body-new-names-fi-error">');
  });

  it('marks nothing when the server refused nothing', () => {
    const { html, fields } = render(undefined);
    expect(html).toContain('aria-invalid="false"');
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('yp-field-error');
    expect(fields.messageFor('names.fi')).toBeUndefined();
    expect(fields.errorText('names.fi')).toBeNull();
  });

  it("clearing a field drops only that field's message from the server's error", () => {
    const actions: SetStateAction<ApiError | undefined>[] = [];
    const { fields } = render(refused, (action) => actions.push(action));
    fields.clear('names.fi');
    const [action] = actions;
    // The update is made from the previous value, not from the value this render saw.
    expect(action).toBeTypeOf('function');
    expect((action as (previous: ApiError | undefined) => ApiError | undefined)(refused)?.fields).toEqual({ mandate: 'Odd' });
  });

  it('binds a design-system field: its id, name and message, and a change that sets the value and clears the message', () => {
    const actions: SetStateAction<ApiError | undefined>[] = [];
    const { fields } = render(refused, (action) => actions.push(action));
    const set: string[] = [];
    const props = fields.bind('mandate', (value: string) => set.push(value));
    expect(props).toMatchObject({ id: 'body-new-mandate', name: 'mandate', error: fields.messageFor('mandate') });
    props.onChange('New');
    expect(set).toEqual(['New']);
    expect((actions[0] as (previous: ApiError | undefined) => ApiError | undefined)(refused)?.fields).toEqual({
      'names.fi': 'Required',
    });
  });

  it("says a message of the form's own check with the values it names", () => {
    const { html, fields } = render(undefined, () => {}, {
      problems: { 'names.fi': { key: 'error.fieldTooLong', values: { max: 120 } } },
    });
    const expected = createTranslate(catalogues.en, 'en')('error.fieldTooLong', { max: 120 });
    expect(expected).toContain('120');
    expect(fields.messageFor('names.fi')).toBe(expected);
    expect(html).toContain(`>${expected}</span>`);
  });

  it("words a field's refusal the form's own way where it says so, and the general way where it returns nothing", () => {
    const { fields } = render(refused, () => {}, {
      serverMessages: { 'names.fi': (message) => `own: ${message}`, mandate: () => undefined },
    });
    expect(fields.messageFor('names.fi')).toBe('own: Required');
    expect(fields.messageFor('mandate')).toBe(createTranslate(catalogues.en, 'en')('error.field', { message: 'Odd' }));
  });

  it('hides the error as a whole only when every field the server named is shown beside its control', () => {
    const { fields } = render(refused);
    expect(fields.formError(['names.fi', 'mandate'])).toBeUndefined();
    expect(fields.formError(['names.fi'])).toBe(refused);
    expect(fields.count(['names.fi', 'mandate'])).toBe(2);
    const whole: ApiError = { code: 'FORBIDDEN', message: 'No', fields: {} };
    expect(render(whole).fields.formError(['names.fi', 'mandate'])).toBe(whole);
  });
});
