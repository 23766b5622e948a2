import { describe, expect, it } from 'vitest';
import { legendRows, lineChart } from './svg-chart.js';

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)![1]);

describe('brief line chart', () => {
  const days = ['2024-06-01', '2024-06-02', '2024-06-03'];
  const series = [
    {
      label: 'Russia transfers ballistic-missile technology to North Korea',
      points: [0.2, 0.5, 0.9],
    },
    { label: 'Space launch assistance', points: [0.9, 0.5, 0.1] },
    { label: '북한 위성 발사 지원', points: [0.1, 0.1, 0.1] },
  ];
  const svg = lineChart('Probability by day', days, series);

  it('puts the legend below the axis labels, not over the lines', () => {
    const axisY = Math.max(
      ...[...svg.matchAll(/<text [^>]*>2024-06-0\d<\/text>/g)].map((m) => attr(m[0], 'y')),
    );
    const legendTexts = [...svg.matchAll(/<g><title>[^<]*<\/title><rect [^>]*\/><text [^>]*>/g)];
    expect(legendTexts).toHaveLength(3);
    for (const m of legendTexts) {
      const text = /<text [^>]*>/.exec(m[0].slice(m[0].indexOf('<text')))![0];
      expect(attr(text, 'y')).toBeGreaterThan(axisY + 4);
    }
    const height = attr(/<svg [^>]*>/.exec(svg)![0], 'height');
    expect(height).toBeGreaterThan(220);
  });

  it('shows years on the axis and names CJK fonts', () => {
    expect(svg).toContain('>2024-06-01<');
    expect(svg).toContain('Noto Sans CJK KR');
  });

  it('wraps legend entries into rows inside the chart width', () => {
    const long = Array.from({ length: 6 }, (_, i) => `hypothesis number ${i} with a long title`);
    const { svg: rows, height } = legendRows(long, 100);
    expect(height).toBeGreaterThan(16);
    for (const m of rows.matchAll(/<rect x="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThan(640);
  });
});
