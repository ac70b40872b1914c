import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { createTranslate, languages } from '../../i18n/i18n';
import { codeFields, enumFields, fieldLabel, labelValues } from './analytics.labels';
import './analytics.messages';
import { memberRoles } from '../cooperation/cooperation.labels';

const schemaDir = path.resolve(import.meta.dirname, '../../../../schema');

/** Every enum of schema/*.graphql with its values. */
const schemaEnums = new Map<string, string[]>();
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.graphql'))) {
  const sdl = readFileSync(path.join(schemaDir, file), 'utf8')
    .replace(/"""[\s\S]*?"""/g, '')
    .replace(/"[^"\n]*"/g, '')
    .replace(/#.*$/gm, '');
  for (const m of sdl.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g))
    schemaEnums.set(
      m[1]!,
      [...m[2]!.matchAll(/\b[A-Z][A-Z0-9_]*\b/g)].map((v) => v[0]),
    );
}

/** Enums no change event records as a code of its own (arguments, sort orders, computed values). */
const notRecorded = new Set([
  'ChangeOrder',
  'ChangeAuthor',
  'ChangeKind',
  'NeedDimension',
  'IndicatorSkipCode',
  'ServiceNeedSort',
  'GoalProgressStatus',
  // Why a document is read-only is worked out for the reader, never stored.
  'EditLockReason',
  // Why the minutes cannot be checked yet is likewise worked out for the reader.
  'CheckMinutesLockReason',
  // The state of an invitation or reset link is computed when read (its kind is recorded: `linkKind`).
  'AccountLinkState',
  // Where the wording recorded without one would come from is worked out for the reader (meetings.wording.ts).
  'DecisionWordingSource',
]);

const fields = Object.entries(enumFields).flatMap(([type, byKey]) =>
  Object.entries(byKey).map(([key, field]) => [type, key, field.enum] as const),
);

describe("the audit trail's enumerated values", () => {
  it('read the enums from the schema', () => {
    // The membership screens' own list of roles, in the schema's order.
    expect(schemaEnums.get('MemberRole')).toEqual([...memberRoles]);
  });

  it('cover every enum of the schema that a change event can record', () => {
    const labelled = new Set(fields.map(([, , e]) => e));
    expect([...schemaEnums.keys()].filter((e) => !labelled.has(e) && !notRecorded.has(e))).toEqual([]);
    expect(fields.filter(([, , e]) => !schemaEnums.has(e))).toEqual([]);
  });

  it.each(languages)('name every code in %s, and each field by name', (lang) => {
    const t = createTranslate(catalogues[lang], lang);
    const raw: string[] = [];
    for (const [type, key, enumName] of fields) {
      // A field inside a recorded object ('population.status') is named by its own key, as the diff shows it.
      if (fieldLabel(t, key.split('.').at(-1)!) === undefined) raw.push(`${type}.${key} (no field name)`);
      for (const code of schemaEnums.get(enumName) ?? []) {
        const label = labelValues(t, type, key, code);
        if (typeof label !== 'string' || label === code || label.trim() === '') raw.push(`${type}.${key} ${code}`);
      }
    }
    expect(raw).toEqual([]);
  });

  it("name a membership's role and capacity as the cooperation screens do, also in a list", () => {
    const t = createTranslate(catalogues.fi, 'fi');
    expect(labelValues(t, 'membership', 'role', 'MEMBER')).toBe('jäsen');
    expect(labelValues(t, 'membership', 'capacity', 'OFFICE_HOLDER')).toBe('viranhaltija');
    expect(fieldLabel(t, 'capacity')).toBe('Asema');
    expect(labelValues(t, 'ratification', 'outcome', 'APPROVED_WITH_CHANGES')).not.toBe('APPROVED_WITH_CHANGES');
    expect(labelValues(t, 'user', 'roles', ['ANALYST'])).toEqual([t('enum.Role.ANALYST')]);
  });

  it("name a population figure's status inside the figure a party's population_added records", () => {
    const t = createTranslate(catalogues.fi, 'fi');
    const figure = { value: 150000, referenceDate: '2024-12-31', status: 'PRELIMINARY', source: 'Tilastokeskus' };
    expect(labelValues(t, 'party', 'population', figure)).toEqual({ ...figure, status: 'ennakollinen' });
    expect(fieldLabel(t, 'population')).toBe('Väkiluku');
  });
});

describe("the audit trail's other recorded codes", () => {
  const codes = Object.entries(codeFields).flatMap(([type, byKey]) =>
    Object.entries(byKey).flatMap(([key, field]) => field.codes.map((code) => [type, key, code] as const)),
  );

  it.each(languages)('name every code the server records outside the enums in %s', (lang) => {
    const t = createTranslate(catalogues[lang], lang);
    const raw = codes.filter(([type, key, code]) => {
      const label = labelValues(t, type, key, code);
      return typeof label !== 'string' || label === code || label.trim() === '' || fieldLabel(t, key) === undefined;
    });
    expect(raw).toEqual([]);
  });

  it("name how an account was made, a one-time link's kind and where a file is kept, in Finnish", () => {
    const t = createTranslate(catalogues.fi, 'fi');
    expect(labelValues(t, 'user', 'via', 'admin:create')).toBe('Komentorivi (pääkäyttäjän luonti)');
    expect(labelValues(t, 'user', 'linkKind', 'PASSWORD_RESET')).toBe('Salasanan vaihto');
    expect(labelValues(t, 'attachment', 'storage', 'disk')).toBe('Levy');
    // A code the trail does not know yet stays as recorded.
    expect(labelValues(t, 'user', 'via', 'sso')).toBe('sso');
  });
});
