import PDFDocument from 'pdfkit';
import type { PrintableReport } from './goals.printable.js';
import { fill, REPORT_TEXTS } from './goals.texts.js';

const MARGIN = 56;

/**
 * Renders the follow-up report as a tagged PDF (structure tree with headings,
 * paragraphs, a table with column headers and lists; the document's language
 * and title set; page numbers as artifacts), so screen readers read it in order.
 * Helvetica's WinAnsi encoding covers Finnish and Swedish letters.
 */
export function renderGoalReportPdf(r: PrintableReport): Promise<Buffer> {
  const t = REPORT_TEXTS[r.lang];
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      tagged: true,
      pdfVersion: '1.7',
      lang: { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[r.lang],
      displayTitle: true,
      info: { Title: `${r.title} – ${fill(t.year, { year: r.year })}`, Subject: t.subject },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const root = doc.struct('Document');
    doc.addStructure(root);
    const block = (type: string, text: string, style: { font?: string; size?: number; color?: string; gap?: number } = {}) => {
      root.add(
        doc.struct(type, {}, () => {
          doc
            .font(style.font ?? 'Helvetica')
            .fontSize(style.size ?? 10)
            .fillColor(style.color ?? '#000')
            .text(text, { paragraphGap: style.gap ?? 6 });
        }),
      );
    };
    const list = (items: readonly string[], empty: string) => {
      if (items.length === 0) return block('P', empty);
      doc.font('Helvetica').fontSize(10).fillColor('#000');
      doc.list([...items], { structParent: root, listType: 'bullet', paragraphGap: 3 } as never);
      doc.moveDown(0.5);
    };

    block('P', t.kind, { font: 'Helvetica-Bold', size: 9, color: '#555', gap: 2 });
    block('H1', r.title, { font: 'Helvetica-Bold', size: 18, gap: 4 });
    block('P', `${fill(t.year, { year: r.year })} · ${r.agreement}`, { size: 11 });
    if (r.owner) block('P', r.owner);
    if (r.description) block('P', r.description);

    block('H2', t.progress, { font: 'Helvetica-Bold', size: 13, gap: 4 });
    block('P', r.progress);

    block('H2', t.measures, { font: 'Helvetica-Bold', size: 13, gap: 4 });
    if (r.measures.length === 0) block('P', t.noMeasures);
    else {
      doc.font('Helvetica').fontSize(8).fillColor('#000');
      doc.table({
        structParent: root,
        columnStyles: [120, '*', '*', '*', 50, '*', 50],
        data: [t.cols.map((text) => ({ text, type: 'TH', scope: 'column', font: { src: 'Helvetica-Bold' } })), ...r.measures],
      } as never);
      doc.moveDown();
    }

    block('H2', t.actions, { font: 'Helvetica-Bold', size: 13, gap: 4 });
    list(r.actions, t.noActions);
    block('H2', t.needs, { font: 'Helvetica-Bold', size: 13, gap: 4 });
    list(r.needs, t.noNeeds);
    block('P', r.generated, { size: 8, color: '#555' });
    root.end();

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Page numbers are pagination artifacts: shown, not read as content.
      doc.markContent('Artifact', { type: 'Pagination' } as never);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#555')
        .text(fill(t.page, { page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN / 2 - 8, {
          align: 'center',
          width: doc.page.width - 2 * MARGIN,
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
      doc.endMarkedContent();
    }
    doc.end();
  });
}
