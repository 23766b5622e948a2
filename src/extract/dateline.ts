/**
 * A wire lead opens with a dateline ("SEOUL, Nov. 4 (Yonhap) --", "KIEV (AFP) -",
 * "МОСКВА, 4 ноября. /ТАСС/.", "(서울=연합뉴스) 김민지 기자 =", "（新华社首尔5月30日电）",
 * "【ニューヨーク＝共同】"). Its place and day say where and when the story was filed, not who
 * acted or when: the engine reads the sentence without it. These are typographic conventions
 * of news agencies shared across languages, hence patterns here rather than lexicon data.
 * @module
 */

/**
 * Each pattern with the units one of which it cannot match without: most leads hold none of them,
 * and the cheap test skips the pattern's (backtracking) search.
 */
const DATELINES: readonly (readonly [RegExp, readonly string[]])[] = [
  // PLACE[, date] (Agency) — / -- / - / .-   (PLACE in capitals, or one capitalised name)
  [
    /^(?:\p{Lu}[\p{Lu}\p{M} .'’-]*|\p{Lu}[\p{Ll}\p{M}]+(?:\/\p{Lu}[\p{Ll}\p{M}]+)*)(?:,[^()\n]{1,30}?)?\s*\([^()\n]{1,40}\)\s*\.?\s*(?:[—–]|-{1,2})\s*/u,
    ['('],
  ],
  // МОСКВА, 4 ноября. /ТАСС/.
  [/^[^\n/]{1,60}?\/[^/\n]{1,40}\/\.?\s*/u, ['/']],
  // (서울=연합뉴스) 김민지 기자 =   (Korean agencies put the reporter after the credit)
  [
    /^\s*[(（][^()（）\n]{1,30}[=＝][^()（）\n]{1,30}[)）]\s*(?:[^\s=]{1,10}\s+){0,2}(?:기자|특파원)\s*[=＝]\s*/u,
    ['기자', '특파원'],
  ],
  // （新华社首尔5月30日电） 【ニューヨーク＝共同】 [Yonhap]
  [
    /^\s*[（(【［[][^（）()【】［］[\]\n]{1,40}(?:电|電|[=＝])[^（）()【】［］[\]\n]{0,30}[）)】］\]]\s*/u,
    ['电', '電', '=', '＝'],
  ],
  // 【ソウル5日】 【北京】: Japanese papers' place and day in lenticular brackets, no agency.
  [/^\s*【[^【】\n]{1,20}】\s*/u, ['【']],
];

/** Length of the dateline that opens `text`, or 0. */
export function datelineLength(text: string): number {
  const head = text.slice(0, 160);
  for (const [pattern, needs] of DATELINES) {
    if (!needs.some((unit) => head.includes(unit))) continue;
    const m = pattern.exec(head);
    if (m !== null && m[0].length < text.length) return m[0].length;
  }
  return 0;
}

/** `text` with its dateline blanked out, offsets unchanged. */
export function withoutDateline(text: string): string {
  const n = datelineLength(text);
  return n === 0 ? text : ' '.repeat(n) + text.slice(n);
}
