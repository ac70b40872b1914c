import { describe, expect, it } from 'vitest';
import { contentDisposition, multipartFileName, sanitizeFileName, sniffContentType } from './attachments.files.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('sniffContentType', () => {
  it('reads PDF, PNG and JPEG from their first bytes whatever the name says', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'), 'x.txt', false)).toBe('application/pdf');
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'a', false)).toBe('image/png');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0), 'a.jpg', false)).toBe('image/jpeg');
  });

  it('tells Office files apart by an extension that fits the container', () => {
    const zip = Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(40)]);
    expect(sniffContentType(zip, 'budget.xlsx', false)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffContentType(zip, 'archive.zip', false)).toBeNull();
  });

  it('accepts UTF-8 text and CSV but refuses HTML, SVG and binary noise', () => {
    expect(sniffContentType(Buffer.from('Pöytäkirjan liite\n'), 'liite.txt', true)).toBe('text/plain');
    expect(sniffContentType(Buffer.from('a;b\n1;2\n'), 'luvut.csv', true)).toBe('text/csv');
    expect(sniffContentType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'x.txt', true)).toBeNull();
    expect(sniffContentType(Buffer.from('<svg onload="x()"/>'), 'x.txt', true)).toBeNull();
    expect(sniffContentType(bytes(0x4d, 0x5a, 0x90, 0x00), 'setup.exe', false)).toBeNull();
    expect(sniffContentType(bytes(0xc3, 0x28), 'x.txt', true)).toBeNull();
  });

  it('does not refuse text whose head ends in the middle of a character', () => {
    const text = Buffer.from('ääää');
    expect(sniffContentType(text.subarray(0, 7), 'x.txt', false)).toBe('text/plain');
  });
});

describe('sanitizeFileName', () => {
  it('drops the path, control characters and reserved characters', () => {
    expect(sanitizeFileName('C:\\Users\\x\\..\\raportti<1>.pdf', 'application/pdf')).toBe('raportti_1_.pdf');
    expect(sanitizeFileName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(sanitizeFileName('a\u202eexe.pdf', 'application/pdf')).toBe('aexe.pdf');
  });

  it('gives the extension that fits the sniffed type and a name to an empty one', () => {
    expect(sanitizeFileName('kuva.txt', 'image/png')).toBe('kuva.txt.png');
    expect(sanitizeFileName('...', 'application/pdf')).toBe('liite.pdf');
    expect(sanitizeFileName('CON.txt', 'text/plain')).toBe('_CON.txt');
  });

  it('keeps Finnish letters and shortens a long name keeping its extension', () => {
    expect(
      sanitizeFileName('Yhdyspintasopimus ÅÄÖ.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('Yhdyspintasopimus ÅÄÖ.docx');
    const long = sanitizeFileName(`${'x'.repeat(300)}.pdf`, 'application/pdf');
    expect([...long].length).toBe(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Päätös "1".pdf')).toBe(
      `attachment; filename="Paatos _1_.pdf"; filename*=UTF-8''P%C3%A4%C3%A4t%C3%B6s%20%221%22.pdf`,
    );
  });
});

describe('multipartFileName', () => {
  it('decodes the three escapes of the multipart/form-data encoding and nothing else', () => {
    expect(multipartFileName('weird %22x%22.pdf')).toBe('weird "x".pdf');
    expect(multipartFileName('a%0D%0Ab.txt')).toBe('a\r\nb.txt');
    expect(multipartFileName('%41 100% %2522 %0d.txt')).toBe('%41 100% %2522 %0d.txt');
  });
});
