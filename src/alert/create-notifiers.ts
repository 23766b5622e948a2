/**
 * Notifiers from the `alerts.notifiers` section of vigie.yaml.
 * @module
 */
import type { NotifierConfig } from '../config/schema.js';
import type { Notifier } from './alert-firing.js';
import { createEmailNotifier } from './email-notifier.js';
import { createFileNotifier } from './file-notifier.js';
import { createWebhookNotifier } from './webhook-notifier.js';

/** One Notifier per config entry (validate first: see validateAlertConfig). */
export function createNotifiers(configs: readonly NotifierConfig[]): Notifier[] {
  return configs.map(createNotifier);
}

export function createNotifier(config: NotifierConfig): Notifier {
  switch (config.type) {
    case 'webhook':
      return createWebhookNotifier(config);
    case 'email':
      return createEmailNotifier(config);
    case 'file':
      return createFileNotifier(config);
  }
}

export async function closeNotifiers(notifiers: readonly Notifier[]): Promise<void> {
  await Promise.all(notifiers.map((n) => n.close?.()));
}
