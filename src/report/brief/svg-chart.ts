/**
 * A small SVG writer for brief charts (no browser, no library): a line chart of series over days
 * and a bar chart of counts. Every text is XML-escaped.
 * @module
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const W = 640;
const H = 220;
const PAD = { left: 44, right: 12, top: 24, bottom: 36 };
const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad', '#d68910', '#566573'];
/** Latin first, then CJK families (Debian's fonts-noto-cjk), so no script renders as boxes. */
export const CHART_FONTS =
  "system-ui, 'Noto Sans', 'DejaVu Sans', 'Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif";
const FONT = `font-family="${CHART_FONTS}"`;
const LEGEND_ROW = 16;
const LEGEND_MAX_CHARS = 48;

const round = (n: number) => Math.round(n * 10) / 10;

function frame(title: string, body: string, yLabels: string, height = H): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect x="0" y="0" width="${W}" height="${height}" fill="#ffffff"/>` +
    `<text x="${PAD.left}" y="16" ${FONT} font-size="12" fill="#222">${escapeXml(title)}</text>` +
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#999"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="#999"/>` +
    yLabels +
    body +
    `</svg>`
  );
}

function xAxis(days: readonly string[], x: (i: number) => number): string {
  if (days.length === 0) return '';
  const picks = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])];
  const anchor = (i: number) =>
    picks.length > 1 && i === 0 ? 'start' : i === days.length - 1 && i > 0 ? 'end' : 'middle';
  return picks
    .map(
      (i) =>
        `<text x="${round(x(i))}" y="${H - PAD.bottom + 16}" ${FONT} font-size="10" text-anchor="${anchor(i)}" fill="#444">${escapeXml(days[i] ?? '')}</text>`,
    )
    .join('');
}

/**
 * The legend under the plot, never over the lines: a swatch and a label per series, wrapped into
 * rows by an estimate of the text width (6 px a character at 10 px). Returns the SVG and its height.
 */
export function legendRows(
  labels: readonly string[],
  top: number,
): { readonly svg: string; readonly height: number } {
  const right = W - PAD.right;
  let x = PAD.left;
  let row = 0;
  const parts: string[] = [];
  labels.forEach((label, k) => {
    const shown =
      label.length > LEGEND_MAX_CHARS ? `${label.slice(0, LEGEND_MAX_CHARS - 1)}…` : label;
    const width = 18 + shown.length * 6 + 14;
    if (x > PAD.left && x + width > right) {
      row++;
      x = PAD.left;
    }
    const y = top + row * LEGEND_ROW;
    const colour = COLOURS[k % COLOURS.length];
    parts.push(
      `<g><title>${escapeXml(label)}</title><rect x="${x}" y="${y - 8}" width="12" height="4" fill="${colour}"/>` +
        `<text x="${x + 16}" y="${y}" ${FONT} font-size="10" fill="#222">${escapeXml(shown)}</text></g>`,
    );
    x += width;
  });
  return { svg: parts.join(''), height: labels.length > 0 ? (row + 1) * LEGEND_ROW : 0 };
}

export interface LineSeries {
  readonly label: string;
  readonly points: readonly number[];
}

/** Probabilities (0–1) per day, one polyline per series, with a legend. */
export function lineChart(
  title: string,
  days: readonly string[],
  series: readonly LineSeries[],
): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (days.length <= 1 ? plotW / 2 : (i * plotW) / (days.length - 1));
  const y = (p: number) => PAD.top + plotH * (1 - Math.max(0, Math.min(1, p)));
  const yLabels = [0, 0.5, 1]
    .map(
      (p) =>
        `<text x="${PAD.left - 6}" y="${round(y(p) + 3)}" ${FONT} font-size="10" text-anchor="end" fill="#444">${p * 100}%</text>`,
    )
    .join('');
  const lines = series
    .map((s, k) => {
      const colour = COLOURS[k % COLOURS.length];
      const pts = s.points.map((p, i) => `${round(x(i))},${round(y(p))}`).join(' ');
      return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts}"/>`;
    })
    .join('');
  const legend = legendRows(
    series.map((s) => s.label),
    H + 4,
  );
  return frame(title, lines + xAxis(days, x) + legend.svg, yLabels, H + legend.height + 8);
}

/** Counts per day as bars. */
export function barChart(
  title: string,
  days: readonly string[],
  counts: readonly number[],
): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const max = counts.reduce((a, b) => Math.max(a, b), 1);
  const step = days.length > 0 ? plotW / days.length : plotW;
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const bars = counts
    .map((c, i) => {
      const h = (c / max) * plotH;
      return c > 0
        ? `<rect x="${round(x(i) - step * 0.4)}" y="${round(PAD.top + plotH - h)}" width="${round(step * 0.8)}" height="${round(h)}" fill="#1f5fa8"><title>${escapeXml(`${days[i] ?? ''}: ${c}`)}</title></rect>`
        : '';
    })
    .join('');
  const yLabels = [0, max]
    .map(
      (v) =>
        `<text x="${PAD.left - 6}" y="${round(PAD.top + plotH * (1 - v / max) + 3)}" ${FONT} font-size="10" text-anchor="end" fill="#444">${v}</text>`,
    )
    .join('');
  return frame(title, bars + xAxis(days, x), yLabels);
}
