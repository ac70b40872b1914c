import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { MailConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Locale } from '../../lib/locale.js';
import * as repo from './notifications.repo.js';
import { mailText } from './notifications.texts.js';
import { smtpTransport } from '../../lib/mail.js';

/**
 * Sends notification e-mails after their transaction has committed. Each is claimed first
 * (PENDING → SENDING in one statement), so with several instances exactly one sends it;
 * a failure is logged and recorded (FAILED), never fatal and never retried in a loop.
 */
export function createMailer(config: MailConfig, db: Db, log: Logger, ownUrl: () => string) {
  const transport = smtpTransport(config);
  let running: Promise<void> = Promise.resolve();

  async function sendClaimed(ids: readonly string[] | null): Promise<void> {
    if (!transport) return;
    const claimed = await repo.claimEmails(db, ids);
    if (claimed.length === 0) return;
    const targets = new Map(
      (await repo.mailTargets(db, [...new Set(claimed.map((n) => n.recipientUserId))])).map((t) => [t.id, t]),
    );
    const baseUrl = config.publicUrl ?? ownUrl();
    for (const n of claimed) {
      const target = targets.get(n.recipientUserId);
      const locale: Locale = target?.locale === 'sv' || target?.locale === 'en' ? target.locale : 'fi';
      try {
        if (!target) throw new Error('recipient has no address');
        const { subject, text } = mailText(n, locale, baseUrl);
        await transport.sendMail({ from: config.from, to: target.email, subject, text });
        await repo.setEmailState(db, n.id, 'SENT');
      } catch (err) {
        log.warn({ err, notificationId: n.id }, 'notification e-mail could not be sent');
        await repo
          .setEmailState(db, n.id, 'FAILED')
          .catch((e: unknown) => log.error({ err: e }, 'could not record a failed e-mail'));
      }
    }
  }

  return {
    /** Whether e-mails are sent at all (`SMTP_URL` set). */
    enabled: transport !== undefined,
    /**
     * Sends the waiting e-mails of these notifications (or any waiting, when null); one batch at a time.
     * Bound to the context the mailer was made in: the bus may call this from inside the async context
     * of the write whose commit it announced, where the guarded database refuses to be used.
     */
    send: AsyncResource.bind((ids: readonly string[] | null): Promise<void> => {
      running = running.then(() => sendClaimed(ids)).catch((err: unknown) => log.error({ err }, 'notification e-mails failed'));
      return running;
    }),
    /** Resolves when the e-mails under way are done; closes the SMTP connection. */
    async close(): Promise<void> {
      await running;
      transport?.close();
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
