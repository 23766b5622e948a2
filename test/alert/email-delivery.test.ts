/** End to end: outbox → e-mail notifier → a real SMTP server (smtp-server) on 127.0.0.1. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotifiers } from '../../src/alert/create-notifiers.js';
import { deliverDue } from '../../src/alert/deliver-due.js';
import { messageIdFor } from '../../src/alert/email-notifier.js';
import { outboxIdFor, recordFirings } from '../../src/alert/outbox.js';
import { NotifierConfigSchema } from '../../src/config/schema.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { makeFiring } from './alert-fixtures.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');

interface SmtpReceiver {
  readonly port: number;
  readonly messages: ParsedMail[];
  readonly envelopes: string[][];
  /** Message-ID of every DATA received, refused or not. */
  readonly attemptIds: (string | undefined)[];
  close(): Promise<void>;
}

/** A local SMTP server; `rejectFirst` data commands answer 451 (temporary) before accepting. */
async function startSmtpReceiver(rejectFirst = 0): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const attemptIds: (string | undefined)[] = [];
  let seen = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          seen += 1;
          attemptIds.push(mail.messageId);
          if (seen <= rejectFirst) {
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            return callback(error);
          }
          messages.push(mail);
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    envelopes,
    attemptIds,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('e-mail delivery over SMTP', () => {
  let store: Store;
  let smtp: SmtpReceiver;

  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
  });
  afterEach(async () => {
    await smtp.close();
    await store.close();
  });

  const notifierFor = (port: number) =>
    createNotifiers([
      NotifierConfigSchema.parse({
        id: 'mail',
        type: 'email',
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTLS: true,
        from: 'Vigie <vigie@alerts.example.org>',
        to: ['analyst@example.org', 'desk@example.org'],
        timeoutMs: 5000,
      }),
    ]);

  it('sends a text and HTML message with the alert, its evidence ids and a stable Message-ID', async () => {
    smtp = await startSmtpReceiver();
    const { recorded } = await recordFirings(
      store.db,
      [makeFiring(7)],
      { 'first-arms': ['mail'] },
      { now: T0 },
    );
    const notifiers = notifierFor(smtp.port);
    const report = await deliverDue(store, notifiers, { now: T0 });
    await Promise.all(notifiers.map((n) => n.close?.()));
    expect(report).toMatchObject({ delivered: 1, failed: 0, retried: 0 });

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    const alertId = recorded[0]!.alertId;
    expect(mail.subject).toBe('[Vigie] First ARMS_TRANSFER RUS → PRK #7');
    expect(smtp.envelopes[0]).toEqual(['analyst@example.org', 'desk@example.org']);
    expect(mail.messageId).toBe(
      messageIdFor(outboxIdFor(alertId, 'mail'), 'vigie@alerts.example.org'),
    );
    expect(mail.messageId).toMatch(/^<vigie-[0-9a-f]{32}@alerts\.example\.org>$/);
    expect(mail.text).toContain('What fired: rule "first-arms" (first-event)');
    expect(mail.text).toContain('evt-7');
    expect(mail.text).toContain('doc-7#0');
    expect(mail.text).toContain(`vigie alerts --ack ${alertId}`);
    expect(mail.html).toContain('<h2>First ARMS_TRANSFER RUS → PRK #7</h2>');
    expect(mail.html).toContain('<code>evt-7</code>');
    expect(mail.headers.get('x-vigie-alert-id')).toBe(alertId);
  });

  it('retries a temporary SMTP refusal and delivers with the same Message-ID', async () => {
    smtp = await startSmtpReceiver(1);
    await recordFirings(store.db, [makeFiring(8)], { 'first-arms': ['mail'] }, { now: T0 });
    const notifiers = notifierFor(smtp.port);
    const first = await deliverDue(store, notifiers, { now: T0 });
    expect(first).toMatchObject({ retried: 1 });
    expect(first.failures[0]!.error).toContain('451');
    const second = await deliverDue(store, notifiers, { now: new Date(T0.getTime() + 3_600_000) });
    await Promise.all(notifiers.map((n) => n.close?.()));
    expect(second).toMatchObject({ delivered: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.attemptIds).toHaveLength(2);
    expect(smtp.attemptIds[0]).toBe(smtp.attemptIds[1]);
    const row = await store.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
