/**
 * Track records and suggested grades on the sources page in Chromium: an analyst reads NK Watch's
 * record and the reasons for its suggested grade, applies it, and the grade and its audit record
 * are stored; a viewer sees the suggestion without the button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACK, seedTrackRecords } from '../server/seed-track-records.js';
import {
  hasChromium,
  noteSkip,
  signedInPage,
  useSeededChromium,
} from './support/browser-harness.js';

noteSkip();

describe.skipIf(!hasChromium)('source track records in Chromium', { timeout: 90_000 }, () => {
  const suite = useSeededChromium({ beforeAll, afterAll }, {}, seedTrackRecords);
  const row = `[data-testid=track-record][data-source=${TRACK.nkWatch}]`;

  it('a viewer sees the record and the suggestion, and no button to apply it', async () => {
    const { served, browser } = suite;
    const page = await signedInPage(browser, served.baseUrl, served.seed.tokens.viewer);
    await page.goto(`${served.baseUrl}/#/sources`);
    await page.waitForSelector(row);
    const cells = await page.locator(`${row} td`).allTextContents();
    expect(cells.slice(0, 6)).toEqual(['NK Watch', '7', '5', '1', '1', '1 / 1']);
    expect(await page.locator(`${row} [data-testid=suggested-grade]`).textContent()).toBe(
      'C — fairly reliable',
    );
    expect(await page.locator(`${row} [data-testid=grade-reasons] li`).first().textContent()).toBe(
      '5 of 6 resolved claims confirmed (4 by a resolution, 1 by an independent origin); 1 contradicted by a resolution; lower bound 0.44 → C (fairly reliable)',
    );
    expect(await page.locator('[data-testid=apply-grade]').count()).toBe(0);
    expect(await page.textContent('.track-records')).toContain('needs the analyst role');
    // An outlet of ingested files has a record too, marked as having no grade to set.
    const outlet = page.locator('[data-testid=track-record][data-source="outlet:Harbour Times"]');
    expect(await outlet.locator('td').first().textContent()).toBe(
      'Harbour Times (outlet of ingested files, no grade to set)',
    );
    await page.context().close();
  });

  it('an analyst applies the suggested grade; it is stored with its audit record', async () => {
    const { served, browser } = suite;
    const page = await signedInPage(browser, served.baseUrl, served.seed.tokens.analyst);
    await page.goto(`${served.baseUrl}/#/sources`);
    await page.waitForSelector(row);
    // Seoul Wire's record is too short to move its grade: nothing to apply there.
    const seoul = `[data-testid=track-record][data-source=${TRACK.seoulWire}]`;
    expect(await page.locator(`${seoul} [data-testid=apply-grade]`).count()).toBe(0);
    const apply = page.locator(`${row} [data-testid=apply-grade]`);
    expect(await apply.textContent()).toBe('Apply C');
    await apply.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=grade-status]')?.textContent?.includes('applied'),
    );
    expect(await page.textContent('[data-testid=grade-status]')).toBe('NK Watch: grade C applied.');
    await page.waitForFunction(
      (sel) =>
        document.querySelector(`${sel} [data-testid=current-grade]`)?.textContent?.startsWith('C'),
      row,
    );
    expect(await page.locator(`${row} [data-testid=apply-grade]`).count()).toBe(0);
    // The list above follows: NK Watch's select shows the new grade.
    expect(await page.locator('select[aria-label="Reliability of NK Watch"]').inputValue()).toBe(
      'C',
    );
    const stored = await served.store.db
      .selectFrom('source_grades')
      .select(['grade_before', 'grade_after', 'suggested', 'recorded_by'])
      .where('source_id', '=', TRACK.nkWatch)
      .execute();
    expect(stored).toEqual([
      { grade_before: 'F', grade_after: 'C', suggested: 'C', recorded_by: 'analyst-user' },
    ]);
    await page.context().close();
  });
});
