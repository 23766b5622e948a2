/**
 * The English messages table (data/labels/en.json), for the text the server writes beside each
 * message: the API's text fields, the CLI, exports; and the table of another language for a
 * command told to word in it (`vigie board --explain --lang fr`). Read on first use, then kept.
 * @module
 */
import { readFileSync } from 'node:fs';
import { formatMessage, type Message, type MessageTable } from './messages.js';

const tables = new Map<string, MessageTable>();

/** The messages table of data/labels/<lang>.json (en, fr), for a command that words in `lang`. */
export function messagesIn(lang: 'en' | 'fr'): MessageTable {
  let table = tables.get(lang);
  if (!table) {
    const file = JSON.parse(
      readFileSync(new URL(`../../data/labels/${lang}.json`, import.meta.url), 'utf8'),
    ) as { dateLocale: string; messages: MessageTable['messages'] };
    table = { lang, dateLocale: file.dateLocale, messages: file.messages };
    tables.set(lang, table);
  }
  return table;
}

export function englishMessages(): MessageTable {
  return messagesIn('en');
}

/** The English text of a message. */
export function englishText(m: Message): string {
  return formatMessage(englishMessages(), m);
}
