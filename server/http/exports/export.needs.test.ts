import { describe, expect, it } from 'vitest';
import { needsEn } from '../../../client/src/features/needs/needs.en.js';
import { needsFi } from '../../../client/src/features/needs/needs.fi.js';
import { needsSv } from '../../../client/src/features/needs/needs.sv.js';
import { serviceNeedsExport } from './export.needs.js';

const ui = { fi: needsFi, sv: needsSv, en: needsEn } as const;

describe('the register export', () => {
  it('heads its columns with the words of the register on screen, in every language', () => {
    const header = (key: string) => serviceNeedsExport.columns.find((c) => c.key === key)!.header;
    for (const lang of ['fi', 'sv', 'en'] as const) {
      // Before: "Prioriteetti", "Vastuuosapuoli" and "Omistava toimielin" where the register says "Kiireellisyys",
      // "Vastuutaho" and "Omistava elin".
      expect(header('priority')[lang]).toBe(ui[lang]['needs.col.priority']);
      expect(header('lead')[lang]).toBe(ui[lang]['needs.col.lead']);
      expect(header('ownerBody')[lang]).toBe(ui[lang]['needs.col.body']);
      expect(header('status')[lang]).toBe(ui[lang]['needs.col.status']);
      expect(header('themes')[lang]).toBe(ui[lang]['needs.col.themes']);
      expect(header('municipalities')[lang]).toBe(ui[lang]['needs.col.municipalities']);
    }
    expect([header('priority').fi, header('lead').fi, header('ownerBody').fi]).toEqual([
      'Kiireellisyys',
      'Vastuutaho',
      'Omistava elin',
    ]);
  });
});
