import { describe, expect, it } from 'vitest';
import { softHyphenated } from './syllables';

const shown = (name: string) => softHyphenated(name).replaceAll('\u00AD', '-');

describe('softHyphenated', () => {
  // Each name is its syllables written together: Pihtipudas → Pih-ti-pu-das.
  it.each(['Pih-ti-pu-das', 'Kan-non-kos-ki', 'Ää-ne-kos-ki', 'Pe-tä-jä-ve-si', 'Han-ka-sal-mi', 'Uu-rai-nen', 'Kars-tu-la'])(
    'divides a Finnish name into syllables: %s',
    (syllables) => expect(shown(syllables.replaceAll('-', ''))).toBe(syllables),
  );

  it('keeps each word of a name whole at its start and changes nothing else', () => {
    expect(shown('Keski-Suomen liitto')).toBe('Kes-ki-Suo-men liit-to');
    expect(softHyphenated('Jämsä').replaceAll('\u00AD', '')).toBe('Jämsä');
  });

  it('leaves at least two letters of a word on each side of a break', () => {
    for (const word of ['avaus', 'ovi']) expect(shown(word), word).toBe(word);
    expect(shown('Kokouksen avaus')).toBe('Ko-kouk-sen avaus');
    expect(shown('Ikaalinen')).toBe('Ikaa-li-nen');
    expect(shown('Ähtäri')).toBe('Äh-tä-ri');
    expect(shown('Uusi asia')).toBe('Uu-si asia');
    expect(shown('Ero-ilmoitus')).toBe('Ero-il-moi-tus');
  });
});
