import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../i18n/i18n';
import { needsEn } from './needs.en';
import { needsFi } from './needs.fi';
import { needsSv } from './needs.sv';
import { whoSetsResponsibilities } from './leadNamers';

/** A body's name inside a sentence (the seed's ICT network in each language, as the server names it). */
describe('who moves a need on, with the owner body in the sentence', () => {
  it('reads as a sentence in English, Swedish and Finnish', () => {
    const say = (catalogue: Record<string, string>, lang: 'fi' | 'sv' | 'en', body: string) => {
      const t = createTranslate(catalogue, lang);
      return [t('need.moveOn.body', { body }), t('need.whoNamesLead.body', { body })];
    };
    expect(say(needsEn, 'en', 'ICT network')).toEqual([
      'the chair and secretary of the ICT network',
      'the chair or secretary of the ICT network',
    ]);
    expect(say(needsSv, 'sv', 'IKT-nätverket')).toEqual([
      'ordföranden och sekreteraren för IKT-nätverket',
      'ordföranden eller sekreteraren för IKT-nätverket',
    ]);
    expect(say(needsFi, 'fi', 'ICT-verkosto')).toEqual([
      'elimen ICT-verkosto puheenjohtaja ja sihteeri',
      'elimen ICT-verkosto puheenjohtaja tai sihteeri',
    ]);
  });
});

describe('who sets responsibilities, under the responsibilities table', () => {
  const catalogues = [
    [needsFi, 'fi', /omistajaelim/],
    [needsSv, 'sv', /ägande organ/],
    [needsEn, 'en', /owner body/],
  ] as const;

  it.each(catalogues)(
    'names no owner body when the need has none (%#), as the lead badge above says',
    (catalogue, lang, ownerBody) => {
      const t = createTranslate(catalogue, lang);
      expect(whoSetsResponsibilities({ t, lang }, null)).not.toMatch(ownerBody);
      expect(whoSetsResponsibilities({ t, lang }, null)).toBe(
        `${t('need.leadSetBy', { who: t('need.moveOn.secretariat') })} ${t('need.othersSetByLead')}`,
      );
    },
  );

  it.each(catalogues)("names the owner body's chair and secretary when the need has one (%#)", (catalogue, lang, ownerBody) => {
    const t = createTranslate(catalogue, lang);
    expect(whoSetsResponsibilities({ t, lang }, 'ICT')).toMatch(ownerBody);
  });
});
