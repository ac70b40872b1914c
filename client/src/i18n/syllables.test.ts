import { describe, expect, it } from 'vitest';
import { softHyphenated } from './syllables';

const shown = (name: string) => softHyphenated(name).replaceAll('\u00AD', '-');

describe('softHyphenated', () => {
  it('divides Finnish names into syllables', () => {
    expect(shown('Pihtipudas')).toBe('Pih-ti-pu-das');
    expect(shown('Kannonkoski')).toBe('Kan-non-kos-ki');
    expect(shown('Äänekoski')).toBe('Ää-ne-kos-ki');
    expect(shown('Petäjävesi')).toBe('Pe-tä-jä-ve-si');
    expect(shown('Hankasalmi')).toBe('Han-ka-sal-mi');
    expect(shown('Uurainen')).toBe('Uu-rai-nen');
    expect(shown('Karstula')).toBe('Kars-tu-la');
  });

  it('keeps each word of a name whole at its start and changes nothing else', () => {
    expect(shown('Keski-Suomen liitto')).toBe('Kes-ki-Suo-men liit-to');
    expect(softHyphenated('Jämsä').replaceAll('\u00AD', '')).toBe('Jämsä');
  });

  it('leaves at least two letters of a word on each side of a break', () => {
    expect(shown('avaus')).toBe('avaus');
    expect(shown('Kokouksen avaus')).toBe('Ko-kouk-sen avaus');
    expect(shown('Ikaalinen')).toBe('Ikaa-li-nen');
    expect(shown('Ähtäri')).toBe('Äh-tä-ri');
    expect(shown('Uusi asia')).toBe('Uu-si asia');
    expect(shown('Ero-ilmoitus')).toBe('Ero-il-moi-tus');
    expect(shown('ovi')).toBe('ovi');
  });
});
