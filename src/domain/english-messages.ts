/**
 * The English messages table (data/labels/en.json), for the text the server writes beside each
 * message: the API's text fields, the CLI, exports.
 * @module
 */
import { readFileSync } from 'node:fs';
import { formatMessage, type Message, type MessageTable } from './messages.js';

const file = JSON.parse(
  readFileSync(new URL('../../data/labels/en.json', import.meta.url), 'utf8'),
) as { dateLocale: string; messages: MessageTable['messages'] };

export const EN_MESSAGES: MessageTable = {
  lang: 'en',
  dateLocale: file.dateLocale,
  messages: file.messages,
};

/** The English text of a message. */
export function englishText(m: Message): string {
  return formatMessage(EN_MESSAGES, m);
}
