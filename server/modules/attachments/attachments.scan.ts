import { createReadStream } from 'node:fs';

/** What a scanner is shown: the uploaded file, complete, before it is committed. */
export interface ScanSubject {
  /** A temporary file holding the whole upload. */
  path: string;
  name: string;
  contentType: string;
  size: number;
}

/** A scanner's verdict: clean, or refused with a reason the uploader is told. */
export type ScanVerdict = { clean: true } | { clean: false; reason: string };

/**
 * The virus-scan hook: called once per upload, after the size cap and the
 * type check and before the transaction that stores the file. A refusal is
 * answered `BAD_USER_INPUT` (field `file`) and nothing is stored. Plug a real
 * scanner in here (e.g. clamd's INSTREAM over a socket); the default lets all through.
 */
export type VirusScanner = (file: ScanSubject) => Promise<ScanVerdict>;

/** The default: no scanner configured, every file passes. */
export const noScan: VirusScanner = async () => ({ clean: true });

/** The EICAR anti-virus test string's distinctive part; test scanners look for it. */
export const EICAR_MARKER = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';

/**
 * A stand-in scanner for tests and demonstrations: refuses any file that
 * contains the EICAR marker anywhere (read as a stream, across chunk borders).
 */
export const eicarTestScanner: VirusScanner = async (file) => {
  let carry = '';
  for await (const chunk of createReadStream(file.path, { encoding: 'latin1' })) {
    const text = carry + (chunk as string);
    if (text.includes(EICAR_MARKER)) return { clean: false, reason: 'The file contains a virus test signature (EICAR)' };
    carry = text.slice(-EICAR_MARKER.length);
  }
  return { clean: true };
};

/** The scanners `ATTACHMENTS_SCANNER` can name. */
export const SCANNERS: Readonly<Record<string, VirusScanner>> = { none: noScan, 'eicar-test': eicarTestScanner };
