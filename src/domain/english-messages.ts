/**
 * The English messages table (data/labels/en.json), for the text the server writes beside each
 * message: the API's text fields, the CLI, exports. Read on first use, then kept.
 * @module
 */
import { readFileSync } from 'node:fs';
import { formatMessage, type Message, type MessageTable } from './messages.js';

let table: MessageTable | undefined;

export function englishMessages(): MessageTable {
  if (!table) {
    const file = JSON.parse(
      readFileSync(new URL('../../data/labels/en.json', import.meta.url), 'utf8'),
    ) as { dateLocale: string; messages: MessageTable['messages'] };
    table = { lang: 'en', dateLocale: file.dateLocale, messages: file.messages };
  }
  return table;
}

/** The English text of a message. */
export function englishText(m: Message): string {
  return formatMessage(englishMessages(), m);
}
