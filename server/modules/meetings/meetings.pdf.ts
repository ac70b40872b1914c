import PDFDocument from 'pdfkit';
import { appealTextIn } from './meetings.appeal.js';
import type { PublishedMinutesModel } from './meetings.models.js';
import { PDF_TEXTS, type PdfLang } from './meetings.pdf.texts.js';
import type { LocalizedNames } from './meetings.table.js';
import { localized } from '../../lib/locale.js';

type Struct = ReturnType<PDFKit.PDFDocument['struct']>;

/**
 * Renders published minutes as a tagged PDF (PDF 1.7, a structure tree of
 * headings, paragraphs and lists, the document language and title shown in
 * the title bar), with page numbers as pagination artifacts and dates on the
 * clock in Finland in the reader's language. Helvetica's WinAnsi encoding
 * covers Finnish, Swedish and §.
 */
export function renderMinutesPdf(m: PublishedMinutesModel, lang: PdfLang = 'fi'): Promise<Buffer> {
  const T = PDF_TEXTS[lang];
  const when = (iso: string | Date) =>
    new Intl.DateTimeFormat(T.locale, { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(iso),
    );
  const day = (iso: string) =>
    new Intl.DateTimeFormat(T.locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  const bodyName = localized(m.bodyName, lang);
  // Party names in the PDF's language; a copy made before they were frozen in every language has the Finnish one.
  const partyName = (names: LocalizedNames | null | undefined, fi: string | null) => (names ? localized(names, lang) : fi);

  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: T.locale,
      displayTitle: true,
      info: { Title: `${bodyName}: ${m.title}`, Subject: T.heading },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const root: Struct = doc.struct('Document');
    doc.addStructure(root);
    const heading = (type: 'H1' | 'H2' | 'H3', text: string, size: number) =>
      doc
        .font('Helvetica-Bold')
        .fontSize(size)
        .fillColor('#000')
        .text(text, { structParent: root, structType: type, paragraphGap: 4 });
    const para = (text: string) =>
      doc.font('Helvetica').fontSize(10).fillColor('#000').text(text, { structParent: root, structType: 'P', paragraphGap: 6 });
    const list = (items: string[]) => {
      if (items.length === 0) return;
      const l = doc.struct('L');
      root.add(l);
      doc.font('Helvetica').fontSize(10).list(items, { structParent: l, bulletRadius: 1.5, paragraphGap: 2 });
      l.end();
      doc.moveDown(0.5);
    };
    const removed = T.removedName;

    heading('H1', `${T.heading}: ${bodyName}`, 18);
    heading('H2', m.title, 14);
    para([`${T.time}: ${when(m.startsAt)}`, m.location && `${T.place}: ${m.location}`].filter(Boolean).join('\n'));
    if (m.chair || m.secretary)
      para([m.chair && `${T.chair}: ${m.chair}`, m.secretary && `${T.secretary}: ${m.secretary}`].filter(Boolean).join('\n'));
    if (m.attendance.length) {
      heading('H3', T.attendance, 11);
      list(
        m.attendance.map(
          (a) =>
            `${a.name ?? removed}${a.party ? `, ${partyName(a.partyNames, a.party)}` : ''} (${T.status[a.status] ?? a.status})` +
            (a.deputyFor ? `, ${T.deputyFor.replace('{name}', a.deputyFor)}` : ''),
        ),
      );
    }
    for (const item of m.items) {
      doc.moveDown(0.5);
      heading('H2', `${item.section != null ? `${item.section} § ` : ''}${item.title}`, 12);
      if (item.publicity !== 'PUBLIC') {
        para(`${T.secret}${item.legalBasis ? ` (${item.legalBasis})` : ''}.`);
        continue;
      }
      if (item.caseNumber) para(`${T.caseNumber} ${item.caseNumber}`);
      if (item.presenter || item.preparer)
        para(
          [item.preparer && `${T.preparer}: ${item.preparer}`, item.presenter && `${T.presenter}: ${item.presenter}`]
            .filter(Boolean)
            .join('\n'),
        );
      if (item.proposal) {
        heading('H3', T.proposal, 10);
        para(item.proposal);
      }
      if (item.handling) {
        heading('H3', T.handling, 10);
        para(item.handling);
      }
      if (item.decision) {
        heading('H3', `${T.decision}${item.decisionMode ? ` (${T.mode[item.decisionMode] ?? item.decisionMode})` : ''}`, 10);
        para(
          [item.decision, item.votes && T.votes(item.votes), item.quorum && T.quorum(item.quorum.present, item.quorum.members)]
            .filter(Boolean)
            .join('\n'),
        );
      }
      if (item.actions?.length) {
        heading('H3', T.actions, 10);
        list(
          item.actions.map((a) =>
            [a.title, partyName(a.ownerPartyNames, a.ownerParty), a.dueDate && T.due(day(a.dueDate))].filter(Boolean).join(' – '),
          ),
        );
      }
    }
    if (m.minutesText.trim()) {
      doc.moveDown();
      heading('H2', T.notes, 12);
      para(m.minutesText);
    }
    if (m.checkers?.length) {
      doc.moveDown();
      heading('H2', T.checkers, 12);
      list(m.checkers.map((c) => T.checked(c.name, when(c.checkedAt))));
    }
    if (m.appealInstructions) {
      doc.moveDown();
      heading('H2', T.appeal, 12);
      para(appealTextIn(m.appealInstructions, lang));
    }
    doc.moveDown();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555')
      .text(
        `${T.published(when(m.publishedAt))} ${m.personalDataRemoved ? T.removed : m.personalDataRemovalDue ? T.removalDue(day(m.personalDataRemovalDue)) : ''}`.trim(),
        { structParent: root, structType: 'P' },
      );
    root.end();

    // Page numbers: pagination artifacts, outside the structure tree, written once the page count is known.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#555')
        .text(T.page(i - range.start + 1, range.count), 56, doc.page.height - 40, {
          width: doc.page.width - 112,
          align: 'right',
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}
