/**
 * Runs once before the suite: decides whether the PostgreSQL suites run, and says so in one
 * line when they cannot (test files then skip them quietly through VIGIE_TEST_POSTGRES_SKIP).
 */
import { postgresSkipReason } from './test-stores.js';

export default async function setup(): Promise<void> {
  const reason = await postgresSkipReason();
  if (reason) {
    process.env['VIGIE_TEST_POSTGRES_SKIP'] = reason;
    console.warn(`\n${reason}\n`);
  }
}
