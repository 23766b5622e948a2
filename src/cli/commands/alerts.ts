/**
 * `vigie alerts`: list alerts with their delivery status; acknowledge, deliver, re-queue.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { acknowledgeAlert, listAlerts, type AlertListItem } from '../../alert/alert-queries.js';
import { closeNotifiers, createNotifiers } from '../../alert/create-notifiers.js';
import { deliverDue, type DeliveryReport } from '../../alert/deliver-due.js';
import { createYamlLineLocator } from '../../alert/locate-yaml-line.js';
import { retryFailed } from '../../alert/outbox.js';
import { validateAlertConfig } from '../../alert/validate-alert-config.js';
import { InputError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface AlertsOptions {
  since?: string;
  json?: boolean;
  ack?: string;
  by: string;
  deliver?: boolean;
  retryFailed?: boolean;
  unacked?: boolean;
  limit: string;
  maxAttempts: string;
}

export const alertsCommand: CommandModule = {
  register(program: Command, run) {
    program
      .command('alerts')
      .description('list alerts and their delivery per notifier; acknowledge, deliver, re-queue')
      .option(
        '--since <date>',
        'only alerts recorded on or after this date (YYYY-MM-DD or ISO time)',
      )
      .option('--json', 'machine-readable output')
      .option('--ack <id>', 'acknowledge an alert')
      .option('--by <name>', 'who acknowledges (with --ack)', 'cli')
      .option('--deliver', 'run one delivery pass over the outbox now')
      .option('--retry-failed', 're-queue deliveries that were given up')
      .option('--unacked', 'only alerts not yet acknowledged')
      .option('--limit <n>', 'alerts listed at most', '50')
      .option('--max-attempts <n>', 'attempts before a delivery is given up (with --deliver)', '8')
      .action((options: AlertsOptions) => run((ctx) => runAlerts(ctx, options)));
  },
};

async function runAlerts(ctx: CliContext, options: AlertsOptions): Promise<number> {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const limit = positiveInt(options.limit, '--limit');
  const maxAttempts = positiveInt(options.maxAttempts, '--max-attempts');
  const file = ctx.config.file;
  const locate =
    file && existsSync(file) ? createYamlLineLocator(readFileSync(file, 'utf8')) : undefined;
  const validated = validateAlertConfig(ctx.config.alerts, { file, ...(locate ? { locate } : {}) });
  for (const error of validated.errors) ctx.info(`vigie: ${error.message}`);

  const store = await ctx.store();
  const result: Record<string, unknown> = {};
  let code: number = EXIT.ok;
  const acting = options.ack !== undefined || options.deliver || options.retryFailed;

  if (options.ack !== undefined) {
    const ack = await acknowledgeAlert(store.db, options.ack, { by: options.by });
    result['acknowledged'] = { id: options.ack, ...ack };
    if (!options.json)
      ctx.out(`acknowledged ${options.ack} by ${ack.acknowledgedBy} at ${ack.acknowledgedAt}`);
  }
  if (options.retryFailed) {
    const requeued = await retryFailed(store.db);
    result['requeued'] = requeued;
    if (!options.json)
      ctx.out(`re-queued ${requeued} failed deliver${requeued === 1 ? 'y' : 'ies'}`);
  }
  if (options.deliver) {
    const notifiers = createNotifiers(validated.notifiers);
    try {
      const report = await deliverDue(store, notifiers, {
        maxAttempts,
        leaseMs: ctx.config.alerts.delivery.leaseMs,
      });
      result['delivery'] = report;
      if (!options.json) ctx.out(describeReport(report));
      if (report.retried + report.failed > 0) code = EXIT.partial;
    } finally {
      await closeNotifiers(notifiers);
    }
  }
  if (!acting || since !== undefined) {
    const alerts = await listAlerts(store.db, {
      limit,
      ...(since !== undefined ? { since } : {}),
      ...(options.unacked ? { unacknowledged: true } : {}),
    });
    result['alerts'] = alerts;
    if (!options.json)
      ctx.out(alerts.length === 0 ? 'no alerts' : alerts.map(describeAlert).join('\n'));
  }
  if (options.json) ctx.out(JSON.stringify(result, null, 2));
  return code;
}

function describeReport(report: DeliveryReport): string {
  const lines = [
    `delivery: ${report.claimed} claimed, ${report.delivered} delivered, ${report.retried} to retry, ${report.failed} failed`,
  ];
  for (const f of report.failures) {
    lines.push(`  ${f.outboxId} (attempt ${f.attempts}${f.final ? ', given up' : ''}): ${f.error}`);
  }
  return lines.join('\n');
}

function describeAlert(alert: AlertListItem): string {
  const ack = alert.acknowledgedAt
    ? `  acknowledged by ${alert.acknowledgedBy} ${alert.acknowledgedAt}`
    : '';
  const lines = [`${alert.id}  ${alert.createdAt}  ${alert.kind}  ${alert.title}${ack}`];
  if (alert.deliveries.length === 0) lines.push('    (no notifier)');
  for (const d of alert.deliveries) {
    const detail =
      d.status === 'delivered'
        ? `at ${d.deliveredAt}`
        : `${d.nextAttemptAt ? `next ${d.nextAttemptAt}` : ''}${d.lastError ? ` last error: ${d.lastError}` : ''}`;
    lines.push(`    ${d.notifier}: ${d.status} after ${d.attempts} attempt(s) ${detail}`.trimEnd());
  }
  return lines.join('\n');
}

function parseSince(value: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new InputError(
      `--since: expected a date such as 2024-06-01 or an ISO time, got "${value}"`,
      '--since',
    );
  }
  return new Date(ms).toISOString();
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`${flag}: expected a positive integer, got "${value}"`, flag);
  return n;
}
