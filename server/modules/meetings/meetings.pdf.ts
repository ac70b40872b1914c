import PDFDocument from 'pdfkit';
import type { Request, Response } from 'express';
import type { MeetingsService } from './meetings.service.js';
import type { PublishedMinutesModel } from './meetings.models.js';

const MODE_FI: Record<string, string> = {
  UNANIMOUS: 'Yksimielinen päätös',
  VOTE: 'Äänestys',
  TABLED: 'Pöydälle',
  RETURNED_FOR_PREPARATION: 'Palautettiin valmisteluun',
  NOTED: 'Merkittiin tiedoksi',
};
const STATUS_FI: Record<string, string> = { PRESENT: 'läsnä', REMOTE: 'etänä', ABSENT: 'poissa' };

const helsinki = (iso: string | Date) =>
  new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** Renders published minutes as a PDF (Helvetica: its WinAnsi encoding covers Finnish and §). */
export function renderMinutesPdf(m: PublishedMinutesModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: `${m.bodyName.fi}: ${m.title}`, Subject: 'Pöytäkirja' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const label = (text: string) => doc.font('Helvetica-Bold').fontSize(10).text(text, { continued: false });
    const body = (text: string) => doc.font('Helvetica').fontSize(10).text(text, { paragraphGap: 6 });

    doc.font('Helvetica-Bold').fontSize(9).fillColor('#555').text('PÖYTÄKIRJA');
    doc.fillColor('#000').fontSize(18).text(m.bodyName.fi);
    doc.fontSize(14).text(m.title, { paragraphGap: 8 });
    body(`Aika: ${helsinki(m.startsAt)}${m.location ? `\nPaikka: ${m.location}` : ''}`);
    if (m.chair || m.secretary)
      body([m.chair && `Puheenjohtaja: ${m.chair}`, m.secretary && `Sihteeri: ${m.secretary}`].filter(Boolean).join('\n'));
    if (m.attendance.length) {
      label('Läsnä');
      body(
        m.attendance
          .map(
            (a) =>
              `${a.name ?? '[nimi poistettu]'}${a.party ? `, ${a.party}` : ''} (${STATUS_FI[a.status] ?? a.status})${a.deputyFor ? `, varalla: ${a.deputyFor}` : ''}`,
          )
          .join('\n'),
      );
    }
    doc.moveDown();
    for (const item of m.items) {
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(`${item.section != null ? `${item.section} § ` : ''}${item.title}`, { paragraphGap: 4 });
      if (item.publicity !== 'PUBLIC') {
        body(`Salassa pidettävä${item.legalBasis ? ` (${item.legalBasis})` : ''}.`);
        continue;
      }
      if (item.caseNumber) body(`Dnro ${item.caseNumber}`);
      if (item.presenter || item.preparer)
        body(
          [item.preparer && `Valmistelija: ${item.preparer}`, item.presenter && `Esittelijä: ${item.presenter}`]
            .filter(Boolean)
            .join('\n'),
        );
      if (item.proposal) {
        label('Päätösehdotus');
        body(item.proposal);
      }
      if (item.handling) {
        label('Käsittely');
        body(item.handling);
      }
      if (item.decision) {
        label(`Päätös${item.decisionMode ? ` (${MODE_FI[item.decisionMode] ?? item.decisionMode})` : ''}`);
        body(
          item.decision +
            (item.votes ? `\nÄänet: jaa ${item.votes.for}, ei ${item.votes.against}, tyhjää ${item.votes.abstain}` : ''),
        );
      }
      doc.moveDown(0.5);
    }
    if (m.minutesText.trim()) {
      doc.moveDown();
      label('Muistiinpanot');
      body(m.minutesText);
    }
    doc.moveDown();
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555')
      .text(
        `Julkaistu ${helsinki(m.publishedAt)}.${m.personalDataRemoved ? ' Henkilötiedot on poistettu muutoksenhakuajan päätyttyä.' : m.personalDataRemovalDue ? ` Henkilötiedot poistetaan muutoksenhakuajan päätyttyä (${m.personalDataRemovalDue}).` : ''}`,
      );
    doc.end();
  });
}

/** `GET /meetings/:id/minutes.pdf`: the published minutes, to anyone; 404 until they are published. */
export function minutesPdfHandler(meetings: () => MeetingsService) {
  return async (req: Request, res: Response): Promise<void> => {
    const minutes = await meetings().publishedMinutes(String(req.params.id ?? ''));
    if (!minutes) {
      res.status(404).type('text/plain').send('No published minutes');
      return;
    }
    const pdf = await renderMinutesPdf(minutes);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="poytakirja-${minutes.meetingId.slice(0, 8)}.pdf"`)
      .send(pdf);
  };
}
