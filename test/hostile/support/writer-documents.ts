/**
 * Generated news-like documents for concurrent-writer tests and the concurrent-ingest benchmark:
 * each of about `bytes` characters, made of varied sentences that the extractor reads as events
 * (launches, transfers, meetings), so that extraction and story assignment do real work.
 * Deterministic: the same (prefix, index) gives the same document.
 */
const ACTORS = ['North Korea', 'Russia', 'Iran', 'China', 'Pakistan', 'South Korea', 'Belarus'];
const PLACES = ['Pyongyang', 'Moscow', 'Tehran', 'Vostochny', 'Rajin', 'Kursk', 'Minsk'];
const SENTENCES = [
  (a: string, b: string, p: string, n: number) =>
    `${a} fired ${n} ballistic missiles near ${p} on Tuesday, officials in ${b} said.`,
  (a: string, b: string, p: string, n: number) =>
    `${a} delivered ${n} artillery shells to ${b} through the port of ${p}, analysts reported.`,
  (a: string, b: string, p: string) =>
    `The leaders of ${a} and ${b} met in ${p} to discuss military cooperation.`,
  (a: string, b: string, p: string, n: number) =>
    `${a} has sent about ${n} soldiers to ${b}, according to an intelligence briefing in ${p}.`,
  (a: string, _b: string, p: string, n: number) =>
    `Satellite imagery showed ${n} new launchers at a site near ${p} operated by ${a}.`,
];

export interface GeneratedDocument {
  readonly id: string;
  readonly lang: 'en';
  readonly published: string;
  readonly outlet: string;
  readonly title: string;
  readonly text: string;
}

/** Document `index` of the set `prefix`, about `bytes` characters long. */
export function writerDocument(prefix: string, index: number, bytes = 24_000): GeneratedDocument {
  const parts: string[] = [`Report ${prefix}-${index}.`];
  let length = parts[0]!.length;
  for (let i = 0; length < bytes; i++) {
    const k = index * 7919 + i * 31;
    const a = ACTORS[k % ACTORS.length]!;
    const b = ACTORS[(k + 3) % ACTORS.length]!;
    const p = PLACES[(k >> 2) % PLACES.length]!;
    const sentence = SENTENCES[(k >> 1) % SENTENCES.length]!(a, b, p, 100 + ((k * 13) % 9000));
    parts.push(sentence);
    length += sentence.length + 1;
  }
  const day = String(1 + (index % 28)).padStart(2, '0');
  return {
    id: `${prefix}-${index}`,
    lang: 'en',
    published: `2025-02-${day}T08:00:00Z`,
    outlet: `Wire ${prefix}`,
    title: `Report ${prefix} ${index}`,
    text: parts.join(' '),
  };
}

/** `count` documents of the set `prefix` as JSON Lines. */
export function writerJsonl(prefix: string, count: number, bytes = 24_000, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++)
    lines.push(JSON.stringify(writerDocument(prefix, i, bytes)));
  return `${lines.join('\n')}\n`;
}
