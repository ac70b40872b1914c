import type { Logger } from 'pino';
import type { MailConfig } from '../../config.js';
import type { Locale } from '../../lib/locale.js';
import { smtpTransport } from '../../lib/mail.js';

/** The kinds of one-time link (GraphQL `AccountLinkKind`). */
export type LinkKind = 'INVITATION' | 'PASSWORD_RESET';

const WORDS: Record<Locale, Record<LinkKind, { subject: string; body: string }> & { valid: string; ignore: string }> = {
  fi: {
    INVITATION: {
      subject: 'Kutsu Yhteispeliin',
      body: 'Sinut on kutsuttu Yhteispeliin, alueen yhteistyösopimuksen osapuolten yhteiseen työtilaan. Aseta salasanasi tästä linkistä:',
    },
    PASSWORD_RESET: {
      subject: 'Yhteispelin salasanan asettaminen',
      body: 'Yhteispelin sihteeristö lähetti sinulle linkin, jolla asetat uuden salasanan:',
    },
    valid: 'Linkki on voimassa {date} asti ja toimii kerran.',
    ignore: 'Jos et odottanut tätä viestiä, voit jättää sen huomiotta.',
  },
  sv: {
    INVITATION: {
      subject: 'Inbjudan till Yhteispeli',
      body: 'Du har bjudits in till Yhteispeli, den gemensamma arbetsytan för parterna i regionens samarbetsavtal. Ange ditt lösenord via länken:',
    },
    PASSWORD_RESET: {
      subject: 'Ange lösenord i Yhteispeli',
      body: 'Sekretariatet för Yhteispeli har skickat dig en länk där du anger ett nytt lösenord:',
    },
    valid: 'Länken gäller till {date} och fungerar en gång.',
    ignore: 'Om du inte väntade dig detta meddelande kan du bortse från det.',
  },
  en: {
    INVITATION: {
      subject: 'Invitation to Yhteispeli',
      body: "You have been invited to Yhteispeli, the shared workspace of the parties to the region's cooperation agreement. Set your password with this link:",
    },
    PASSWORD_RESET: {
      subject: 'Set your Yhteispeli password',
      body: 'The Yhteispeli secretariat sent you a link to set a new password:',
    },
    valid: 'The link is valid until {date} and works once.',
    ignore: 'If you did not expect this message, you can ignore it.',
  },
};

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The subject and plain text of a one-time link's e-mail in the recipient's language. */
export function linkMailText(kind: LinkKind, locale: Locale, link: string, expiresAt: Date): { subject: string; text: string } {
  const w = WORDS[locale];
  const date = expiresAt.toLocaleString(TAGS[locale], { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' });
  return { subject: w[kind].subject, text: `${w[kind].body}\n\n${link}\n\n${w.valid.replace('{date}', date)}\n${w.ignore}\n` };
}

/**
 * Sends one-time links by e-mail when `SMTP_URL` is set (after the link's transaction has committed).
 * A failure is logged, never fatal: the inviter has the link on screen and can pass it on.
 */
export function createLinkMailer(config: MailConfig, log: Logger) {
  const transport = smtpTransport(config);
  const pending = new Set<Promise<void>>();
  return {
    enabled: transport !== undefined,
    /** Starts sending; resolves at once (the answer to the inviter does not wait for the mail server). */
    send(to: string, kind: LinkKind, locale: Locale, link: string, expiresAt: Date): void {
      if (!transport) return;
      const { subject, text } = linkMailText(kind, locale, link, expiresAt);
      const sending = transport
        .sendMail({ from: config.from, to, subject, text })
        .then(() => undefined)
        .catch((err: unknown) => log.warn({ err, kind }, 'one-time link e-mail could not be sent'))
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    /** Waits for e-mails under way and closes the SMTP connection. */
    async close(): Promise<void> {
      await Promise.all([...pending]);
      transport?.close();
    },
  };
}
