/**
 * E-mail delivery over SMTP (nodemailer). The Message-ID is derived from the idempotency key,
 * so a retried delivery carries the same id and mail clients thread or drop the repeat.
 * SMTP 5xx replies and authentication failures are permanent; the rest is retried.
 * @module
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { DeliverableAlert, Notifier } from './alert-firing.js';
import { formatAlertHtml, formatAlertText } from './format-alert-message.js';
import { NotifierError } from './notifier-error.js';

export interface EmailNotifierOptions {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly from: string;
  readonly to: readonly string[];
  readonly ignoreTLS?: boolean;
  readonly requireTLS?: boolean;
  readonly timeoutMs?: number;
}

/** `<hash@domain-of-from>`: the same key always gives the same Message-ID. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'vigie.invalid';
  return `<vigie-${hash}@${domain}>`;
}

export function createEmailNotifier(options: EmailNotifierOptions): Notifier {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    ignoreTLS: options.ignoreTLS ?? false,
    requireTLS: options.requireTLS ?? false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
  });
  return {
    id: options.id,
    async send(alert: DeliverableAlert, idempotencyKey: string) {
      try {
        await transport.sendMail({
          from: options.from,
          to: [...options.to],
          subject: `[Vigie] ${alert.title}`,
          text: formatAlertText(alert),
          html: formatAlertHtml(alert),
          messageId: messageIdFor(idempotencyKey, options.from),
          headers: { 'X-Vigie-Alert-Id': alert.id, 'X-Vigie-Idempotency-Key': idempotencyKey },
        });
      } catch (error) {
        const e = error as { responseCode?: number; code?: string; message?: string };
        const permanent =
          e.code === 'EAUTH' || (typeof e.responseCode === 'number' && e.responseCode >= 500);
        throw new NotifierError(
          options.id,
          `SMTP ${options.host}:${options.port}: ${e.message ?? String(error)}`,
          { permanent, cause: error },
        );
      }
    },
    async close() {
      transport.close();
    },
  };
}
