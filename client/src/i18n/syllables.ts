/** Finnish vowels (and å, for Swedish names). */
const VOWEL = /[aeiouyäöå]/i;
const LETTER = /\p{L}/u;

/**
 * A name with soft hyphens (U+00AD) where Finnish divides words into syllables: before a consonant that a vowel
 * follows ("Pih·ti·pu·das", "Kan·non·kos·ki", "Ää·ne·kos·ki"). The browser breaks a line only there, with a hyphen,
 * and only when the name does not fit (a tile of the map on a phone); otherwise nothing shows. Each word on its
 * own: a word's first syllable is never cut (the break needs a vowel before it in the word).
 */
export function softHyphenated(name: string): string {
  const chars = [...name];
  let out = '';
  let vowelSeen = false;
  chars.forEach((ch, i) => {
    if (!LETTER.test(ch)) vowelSeen = false;
    const next = chars[i + 1] ?? '';
    if (vowelSeen && LETTER.test(ch) && !VOWEL.test(ch) && VOWEL.test(next)) out += '\u00AD';
    if (VOWEL.test(ch)) vowelSeen = true;
    out += ch;
  });
  return out;
}
