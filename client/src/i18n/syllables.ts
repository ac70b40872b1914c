/** Finnish vowels (and å, for Swedish names). */
const VOWEL = /[aeiouyäöå]/i;
const LETTER = /\p{L}/u;
/** Letters a break leaves at least on each side, within the word: one letter is never left on a line. */
const MIN_PART = 2;

/**
 * A name with soft hyphens (U+00AD) where Finnish divides words into syllables: before a consonant that a vowel
 * follows ("Pih·ti·pu·das", "Kan·non·kos·ki", "Ää·ne·kos·ki"). The browser breaks a line only there, with a hyphen,
 * and only when the name does not fit (a tile of the map on a phone); otherwise nothing shows. Each word on its
 * own: a word's first syllable is never cut (the break needs a vowel before it in the word), and a break leaves at
 * least two letters of the word on each side ("avaus" → "avaus", not "a·vaus"; "Ikaalinen" → "Ikaa·li·nen").
 */
export function softHyphenated(name: string): string {
  const chars = [...name];
  let out = '';
  let vowelSeen = false;
  let lettersBefore = 0;
  const lettersFrom = (i: number) => {
    let n = 0;
    while (n < MIN_PART && LETTER.test(chars[i + n] ?? '')) n++;
    return n;
  };
  chars.forEach((ch, i) => {
    if (!LETTER.test(ch)) {
      vowelSeen = false;
      lettersBefore = 0;
    }
    const next = chars[i + 1] ?? '';
    if (
      vowelSeen &&
      lettersBefore >= MIN_PART &&
      lettersFrom(i) >= MIN_PART &&
      LETTER.test(ch) &&
      !VOWEL.test(ch) &&
      VOWEL.test(next)
    )
      out += '\u00AD';
    if (VOWEL.test(ch)) vowelSeen = true;
    if (LETTER.test(ch)) lettersBefore++;
    out += ch;
  });
  return out;
}
