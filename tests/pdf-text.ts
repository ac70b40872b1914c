import { inflateSync } from 'node:zlib';

/** WinAnsi is latin1 but for a few codes; the en dash (0x96) is the one these minutes use. */
const winAnsi = { decode: (b: Buffer) => b.toString('latin1').replace(/\x96/g, '–') };

/** The text drawn on the pages: every content stream inflated, each TJ array's hex strings decoded (WinAnsi). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  // Each stream by its /Length (latin1 keeps one character per byte): compressed data may itself end in "\r".
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g))
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => winAnsi.decode(Buffer.from(h[1]!, 'hex'))).join(''));
  }
  return out.join('\n');
}
