/**
 * A CSV file's bytes as text. Sotkanet and Excel save UTF-8 (often with a
 * BOM), older exports Windows-1252; UTF-8 that does not decode cleanly is
 * read as Windows-1252 so "Jyväskylä" survives either way.
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return stripBom(new TextDecoder('windows-1252').decode(bytes));
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
