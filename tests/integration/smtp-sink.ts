import { SMTPServer } from 'smtp-server';

/** One message the sink received: envelope recipients and the decoded text. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Quoted-printable and encoded-word decoding, enough to read what nodemailer writes. */
const qp = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
const header = (raw: string, name: string) => {
  const m = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(raw)?.[1] ?? '';
  return m
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
};

/**
 * The address every sink refuses (a mail server saying no). Files share one PostgreSQL in CI, and any server's mail
 * worker may send any file's pending mail: a sink that took this address would make a refusal another file waits
 * for a delivery.
 */
export const REFUSED_ADDRESS = 'hyvinvointialue@demo.local';

/** A local SMTP server that keeps what it receives (no TLS, no authentication); it answers 550 for REFUSED_ADDRESS. */
export async function startSmtpSink() {
  const refuse = (address: string) => address === REFUSED_ADDRESS;
  const mails: Mail[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse(address.address) ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(head, 'Subject'),
          text: qp(body.join('\n\n')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const address = sink.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => sink.close(() => resolve())) };
}
