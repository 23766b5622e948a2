/** The dashboard pages screenshotted for docs/screenshots (test/browser/readable.test.ts, scripts/screenshots.ts). */
export interface ScreenshotPage {
  readonly name: string;
  readonly hash: string;
  /** A selector that appears once the page has its data. */
  readonly wait: string;
}

export const SCREENSHOT_PAGES: readonly ScreenshotPage[] = [
  { name: 'overview', hash: '#/', wait: '[data-testid=hypothesis-card]' },
  { name: 'hypothesis', hash: '#/hypotheses/korea.icbm', wait: '[data-testid=evidence-item]' },
  { name: 'events', hash: '#/events', wait: '[data-testid=world-map] path.flow' },
  { name: 'event', hash: '#/events/evt-transfer-1', wait: '[data-testid=event-title]' },
  {
    name: 'document',
    hash: '#/documents/doc-en-1?start=0&end=65',
    wait: '[data-testid=focus-span]',
  },
  { name: 'alerts', hash: '#/alerts', wait: '[data-testid=alert]' },
  { name: 'sources', hash: '#/sources', wait: '[data-testid=source-row]' },
  {
    name: 'documents',
    hash: '#/documents?q=missile&lang=en',
    wait: '[data-testid=document-row]',
  },
  { name: 'actor', hash: '#/actors/PRK', wait: '[data-testid=actor-types]' },
  { name: 'story', hash: '#/stories/story-1', wait: '[data-testid=story-copies]' },
];
