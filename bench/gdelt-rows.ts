/**
 * Generated GDELT 2.0 export rows (61 tab-separated columns) for the GDELT benchmarks: actors,
 * CAMEO codes and figures drawn from a fixed-seed generator, so every run reads the same file.
 */
const COUNTRIES = ['RUS', 'PRK', 'KOR', 'USA', 'CHN', 'UKR', 'JPN', 'IRN', 'FRA', 'DEU', ''];
const CODES = [
  '010',
  '020',
  '0212',
  '036',
  '040',
  '042',
  '043',
  '057',
  '062',
  '072',
  '111',
  '112',
  '120',
  '130',
  '138',
  '1385',
  '150',
  '154',
  '163',
  '190',
  '194',
  '195',
  '1952',
];

/** A function from row number to row text; each generator starts from the same seed. */
export function gdeltRowGenerator(seed = 42): (i: number) => string {
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 0x100000000;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  return function row(i: number): string {
    const a1 = pick(COUNTRIES);
    const a2 = pick(COUNTRIES);
    const code = pick(CODES);
    const f = new Array<string>(61).fill('');
    f[0] = String(1_200_000_000 + i);
    f[1] = '20241101';
    f[2] = '202411';
    f[3] = '2024';
    f[4] = '2024.8329';
    f[5] = a1 ? `${a1}GOV` : '';
    f[6] = a1 ? `${a1} GOVERNMENT` : '';
    f[7] = a1;
    f[12] = a1 ? 'GOV' : '';
    f[15] = a2 ? `${a2}MIL` : '';
    f[16] = a2 ? `${a2} MILITARY` : '';
    f[17] = a2;
    f[22] = a2 ? 'MIL' : '';
    f[25] = rand() < 0.5 ? '1' : '0';
    f[26] = code;
    f[27] = code.slice(0, 3);
    f[28] = code.slice(0, 2);
    f[29] = String(1 + Math.floor(rand() * 4));
    f[30] = (rand() * 20 - 10).toFixed(1);
    f[31] = String(1 + Math.floor(rand() * 30));
    f[32] = String(1 + Math.floor(rand() * 5));
    f[33] = String(1 + Math.floor(rand() * 30));
    f[34] = (rand() * 20 - 10).toFixed(6);
    f[51] = '1';
    f[52] = "Pyongyang, P'yongyang-si, North Korea";
    f[53] = 'KN';
    f[54] = 'KN12';
    f[56] = '39.0194';
    f[57] = '125.755';
    f[58] = '-1';
    f[59] = '20241101000000';
    f[60] = `https://news.example/${i}/story.html`;
    return f.join('\t');
  };
}
