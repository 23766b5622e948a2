import { readFileSync } from 'node:fs';
import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { francTop } from './franc-top.js';

const LATIN = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'tur', 'ron', 'swe', 'ces'];
const CYRILLIC = ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kaz', 'khk'];

function texts(): string[] {
  const out: string[] = [];
  for (const file of ['data/demo/articles.jsonl', 'bench/corpora/blind-tune.jsonl']) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const doc = JSON.parse(line) as { text: string; title?: string };
      out.push(doc.text.slice(0, 400), doc.text, doc.title ?? '', doc.text.slice(0, 40));
    }
  }
  return out;
}

describe('francTop', () => {
  it('gives what franc gives, with and without a list of languages', () => {
    const samples = [
      ...texts(),
      '',
      ' ',
      '123 456',
      'a',
      'ab',
      'İstanbul büyükşehir belediyesi',
      'Ωμέγα και άλφα',
      'مرحبا بالعالم',
      'שלום עולם',
      'नमस्ते दुनिया',
      'こんにちは世界',
      '𝐀𝐁𝐂 mathematical letters and text',
      'mixed русский and English text, 2024',
    ];
    for (const text of samples) {
      expect(francTop(text)).toBe(franc(text, { minLength: 1 }));
      expect(francTop(text, LATIN)).toBe(franc(text, { only: LATIN, minLength: 1 }));
      expect(francTop(text, CYRILLIC)).toBe(franc(text, { only: CYRILLIC, minLength: 1 }));
      expect(francTop(text, ['eng', 'fra'])).toBe(
        franc(text, { only: ['eng', 'fra'], minLength: 1 }),
      );
    }
  });
});
