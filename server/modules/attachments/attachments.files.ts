/**
 * What a file is and what it may be called: the media type is read from the
 * bytes (never taken from the browser's claim), only types on the whitelist
 * are kept, names are made safe to show and to offer for download.
 */

/** The largest attachment, in bytes (20 MiB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The whitelist: each media type with the file name extensions it may carry (the first is added when missing). */
export const ALLOWED_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'md'],
  'text/csv': ['csv'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
};

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, text: string, at = 0) => head.subarray(at, at + text.length).toString('latin1') === text;

/** The extension of a name, lower-case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** The type among `candidates` whose extensions include the name's, if any. */
function byExtension(name: string, candidates: readonly string[]): string | null {
  const ext = extensionOf(name);
  return candidates.find((t) => ALLOWED_TYPES[t]?.includes(ext)) ?? null;
}

/** True for bytes that are UTF-8 text without NUL and without markup a browser would run. */
function isPlainText(head: Buffer, complete: boolean): boolean {
  if (head.includes(0)) return false;
  // A multi-byte character may be cut at the end of the head; decode only whole characters then.
  let end = head.length;
  if (!complete) while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (!complete && end > 0 && head[end - 1]! >= 0xc0) end--;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return !/<\s*(html|script|svg|body|iframe|!doctype)/i.test(text);
  } catch {
    return false;
  }
}

/**
 * The whitelisted media type of a file from its first bytes (at least 4 KiB
 * when the file is longer) and its name, or null when it is not allowed.
 * Container formats (ZIP, OLE) are told apart by the extension, which must fit.
 */
export function sniffContentType(head: Buffer, name: string, complete: boolean): string | null {
  if (ascii(head, '%PDF-')) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return 'image/gif';
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return 'image/webp';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument stores its type uncompressed as the first entry, "mimetype".
    if (ascii(head, 'mimetype', 30)) {
      const declared = head.subarray(38, 38 + 80).toString('latin1');
      const odf = Object.keys(ALLOWED_TYPES).find((t) => t.startsWith('application/vnd.oasis') && declared.startsWith(t));
      return odf && byExtension(name, [odf]) ? odf : null;
    }
    return byExtension(
      name,
      Object.keys(ALLOWED_TYPES).filter((t) => t.includes('openxmlformats')),
    );
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return byExtension(name, ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint']);
  }
  if (head.length > 0 && isPlainText(head, complete)) return extensionOf(name) === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

/**
 * The name a browser (or Node's FormData) meant, from the `filename` of a multipart part: the WHATWG
 * multipart/form-data encoding sends `"` as `%22`, CR as `%0D` and LF as `%0A`, and escapes nothing else, so
 * only those three are decoded (a `%41` the user typed stays as typed).
 */
export function multipartFileName(sent: string): string {
  return sent.replace(/%22|%0D|%0A/g, (escape) => ({ '%22': '"', '%0D': '\r', '%0A': '\n' })[escape]!);
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A name safe to store, show and offer for download: no path, no control or
 * reserved characters, no leading or trailing dots and spaces, at most 150
 * characters, with an extension that fits the media type.
 */
export function sanitizeFileName(raw: string, contentType: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*;]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  const allowed = ALLOWED_TYPES[contentType] ?? [];
  const ext = extensionOf(name);
  if (!allowed.includes(ext) && allowed[0]) name = `${name || 'liite'}.${allowed[0]}`;
  if (!name || name.startsWith('.')) name = `liite${name}`;
  if ([...name].length > 150) {
    const suffix = `.${extensionOf(name)}`;
    name =
      [...name]
        .slice(0, 150 - suffix.length)
        .join('')
        .trimEnd() + suffix;
  }
  return name;
}

/** RFC 8187 value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves that the grammar does not allow. */
const rfc8187 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact name as `filename*` (RFC 6266). */
export function contentDisposition(name: string): string {
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc8187(name)}`;
}
