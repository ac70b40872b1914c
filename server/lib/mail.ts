import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.js';

/**
 * The SMTP transport of `SMTP_URL`, or undefined when mail is off. Short timeouts: a mail server that
 * does not answer must not hold a shutdown for nodemailer's default two minutes.
 */
export function smtpTransport(config: MailConfig) {
  return config.smtpUrl
    ? nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : undefined;
}
