/**
 * The numbers a text quotes, as language-independent values: "12,000", "12.000", "12 000",
 * "1만2천", "1.2万", "一万二千" and "12 тысяч" are all `12000`; "1,001.2" and "1001,2" are
 * `1001.2`. Two rewrites of one announcement quote the same figures in any language.
 * @module
 */
import { loadStoryData, type NumberWriting } from './story-data.js';

const SPACE_SEPARATOR = /[ \u00a0\u202f\u2009]/u;
const DIGIT = /[0-9]/;

/**
 * Every value quoted in `text`, in order of appearance, without repeats. Bare years
 * (four digits from 1900 to 2100 without a separator or unit) are left out: they date a
 * report, they do not distinguish it.
 * @example quotedNumbers('약 1만2천 명, 1,500 troops, 12 тысяч') // ['12000', '1500']
 */
export function quotedNumbers(
  text: string,
  writing: NumberWriting = loadStoryData().numbers,
): string[] {
  const ascii = text.replace(/[\uff10-\uff19]/gu, (d) => String(d.charCodeAt(0) - 0xff10));
  const out = new Set<string>();
  let i = 0;
  while (i < ascii.length) {
    const ch = ascii[i]!;
    if (DIGIT.test(ch) && !isWordChar(ascii[i - 1])) {
      const read = readNumber(ascii, i, writing);
      if (read.value !== null) out.add(read.value);
      i = read.end;
    } else if (writing.hanDigits.has(ch) || ch === '十') {
      const read = readHan(ascii, i, writing);
      if (read.value !== null) out.add(read.value);
      i = read.end;
    } else {
      i++;
    }
  }
  return [...out];
}

/**
 * Whether a value tells one report from another: at least 100 (not a day, an hour or a small
 * count), or a fraction of at least 10 ("17.6 kilograms"). A lone small number is in every text.
 */
export function isDistinctive(value: string): boolean {
  const n = Number(value);
  if (!Number.isFinite(n)) return false;
  return n >= 100 || (n >= 10 && !Number.isInteger(n));
}

interface Read {
  readonly value: string | null;
  readonly end: number;
}

/** Digits with thousands separators and a decimal part, then CJK units or a multiplier word. */
function readNumber(text: string, start: number, writing: NumberWriting): Read {
  let total = 0;
  let section = readDigits(text, start);
  let end = section.end;
  let plain = section.plain;
  let unitSeen = false;
  // "1만2천", "1万2000", "1千500": sections in falling units, each added to the total.
  for (;;) {
    const unit = writing.attached.get(text[end] ?? '');
    if (unit === undefined) break;
    unitSeen = true;
    total += section.value * unit;
    end++;
    const gap = text[end] === ' ' && DIGIT.test(text[end + 1] ?? '') ? 1 : 0;
    if (!DIGIT.test(text[end + gap] ?? '')) {
      section = { value: 0, end, plain: false };
      break;
    }
    section = readDigits(text, end + gap);
    end = section.end;
  }
  total += section.value;
  plain = plain && !unitSeen;
  if (!unitSeen) {
    let j = end;
    while (j < text.length && SPACE_SEPARATOR.test(text[j]!)) j++;
    if (j > end) {
      for (const word of writing.words) {
        word.regex.lastIndex = j;
        const m = word.regex.exec(text);
        if (m) {
          total *= word.value;
          end = j + m[0].length;
          plain = false;
          break;
        }
      }
    }
  }
  if (plain && Number.isInteger(total) && total >= 1900 && total <= 2100)
    return { value: null, end };
  return { value: format(total), end };
}

/**
 * One run of digits: thousands groups after `,` `.` or a space ("12,000", "12.000", "12 000"),
 * and a decimal part after `,` or `.` that is not followed by exactly three digits ("1001.2",
 * "7687,5"). `plain` when no separator was read.
 */
function readDigits(text: string, start: number): { value: number; end: number; plain: boolean } {
  let end = start;
  while (DIGIT.test(text[end] ?? '')) end++;
  let integer = text.slice(start, end);
  let plain = true;
  for (;;) {
    const sep = text[end] ?? '';
    const group = /^[0-9]+/.exec(text.slice(end + 1, end + 12))?.[0] ?? '';
    if (group.length === 0) break;
    const thousands =
      group.length === 3 && (sep === ',' || sep === '.' || SPACE_SEPARATOR.test(sep));
    if (thousands && integer !== '0') {
      integer += group;
      end += 1 + group.length;
      plain = false;
      continue;
    }
    if (sep === ',' || sep === '.') {
      return { value: Number(`${integer}.${group}`), end: end + 1 + group.length, plain: false };
    }
    break;
  }
  return { value: Number(integer), end, plain };
}

/** A run of Han numerals ("一万二千", "两千", "十二"); a unit without a digit is no number. */
function readHan(text: string, start: number, writing: NumberWriting): Read {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let end = start;
  let sawDigit = false;
  for (; end < text.length; end++) {
    const ch = text[end]!;
    const d = writing.hanDigits.get(ch);
    if (d !== undefined) {
      digit = d;
      sawDigit = true;
      continue;
    }
    const unit = writing.hanUnits.get(ch);
    if (unit === undefined) break;
    if (unit >= 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = null;
  }
  if (!sawDigit && text[start] !== '十') return { value: null, end: Math.max(end, start + 1) };
  return { value: format(total + section + (digit ?? 0)), end };
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Script=Latin}\p{Script=Cyrillic}0-9]/u.test(ch);
}

/** A value as text: integers plainly, fractions with at most three decimals ("1001.2"). */
function format(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
