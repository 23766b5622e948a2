/**
 * Finding 2 of the hardening review: 10 parallel PDF briefs launched 10 Chromium processes
 * (~109 processes, ~8.8 GB RSS). A server now prints every brief with one shared browser, a few
 * pages at once, and refuses briefs past its queue (server.limits.pdfQueue) with a 503.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  launchChromium,
  type PdfBrowser,
  type PdfPage,
} from '../../src/report/brief/render-pdf.js';
import { buildHarness, type Harness } from '../server/harness.js';

const BRIEF = { url: '/api/boards/korea/brief?format=pdf&since=30d' };
const MANY = { viewer: { concurrent: 20 }, maxInFlight: 20 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A browser whose pages print only once `open()` is called; counts launches and closes. */
function fakeBrowsers() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const counts = { launches: 0, closed: 0, pages: 0 };
  const launch = async (): Promise<PdfBrowser> => {
    counts.launches += 1;
    let connected = true;
    const page: PdfPage = {
      route: async () => undefined,
      setContent: async () => undefined,
      pdf: async () => {
        await gate;
        return Buffer.from('%PDF-1.7 fake');
      },
      close: async () => undefined,
    };
    return {
      newPage: async () => {
        counts.pages += 1;
        return page;
      },
      isConnected: () => connected,
      close: async () => {
        connected = false;
        counts.closed += 1;
      },
    };
  };
  return { launch, counts, open: () => release() };
}

describe('PDF briefs share one browser', () => {
  it('prints 10 parallel briefs with one launch, refusing those past the queue with 503', async () => {
    const fake = fakeBrowsers();
    h = await buildHarness({
      server: { limits: { ...MANY, pdfQueue: 3 } },
      extra: { launchPdfBrowser: fake.launch },
    });
    const harness = h;
    const statuses: number[] = [];
    const requests = Array.from({ length: 10 }, () =>
      harness.as('viewer', BRIEF).then((res) => {
        statuses.push(res.statusCode);
        return res;
      }),
    );
    // 2 pages print and 3 briefs wait; the other 5 are refused at once.
    while (statuses.length < 5) await new Promise((r) => setTimeout(r, 5));
    expect(statuses).toEqual([503, 503, 503, 503, 503]);
    fake.open();
    const answers = await Promise.all(requests);
    const refused = answers.filter((r) => r.statusCode === 503);
    expect(refused).toHaveLength(5);
    expect(refused[0]!.json().error.message).toMatch(/server\.limits\.pdfQueue/);
    const printed = answers.filter((r) => r.statusCode === 200);
    expect(printed).toHaveLength(5);
    expect(printed[0]!.headers['content-type']).toMatch(/application\/pdf/);
    expect(fake.counts).toMatchObject({ launches: 1, pages: 5 });
    await h.close();
    h = undefined;
    expect(fake.counts.closed).toBe(1);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'launches the real Chromium once for 4 parallel briefs',
    async () => {
      let launches = 0;
      h = await buildHarness({
        server: { limits: MANY },
        extra: {
          launchPdfBrowser: () => {
            launches += 1;
            return launchChromium('/usr/bin/chromium');
          },
        },
      });
      const harness = h;
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => harness.as('viewer', BRIEF)),
      );
      for (const res of answers) {
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      expect(launches).toBe(1);
    },
    120_000,
  );
});
