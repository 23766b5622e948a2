/**
 * Loads data/charset/sniff-profiles.json: per language, its legacy charsets and frequent characters.
 * @module
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { VigieError, formatIssues } from '../../domain/errors.js';

const ProfileSchema = z.object({
  lang: z.string().min(2),
  charsets: z.array(z.string().min(1)).min(1),
  common: z.string().min(5),
});
const FileSchema = z.object({ profiles: z.array(ProfileSchema).min(1) });

export interface SniffProfile {
  readonly lang: string;
  readonly charsets: readonly string[];
  readonly common: ReadonlySet<string>;
}

const PROFILE_FILE = new URL('../../../data/charset/sniff-profiles.json', import.meta.url);
let cached: readonly SniffProfile[] | undefined;

/** The sniffing profiles, loaded once on first use (never at import time). */
export function loadSniffProfiles(): readonly SniffProfile[] {
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(PROFILE_FILE, 'utf8'));
  } catch (error) {
    throw new VigieError('VIGIE_CONFIG_INVALID', `cannot read ${PROFILE_FILE.pathname}`, {
      cause: error,
    });
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new VigieError(
      'VIGIE_CONFIG_INVALID',
      `invalid ${PROFILE_FILE.pathname}: ${formatIssues(parsed.error.issues)}`,
    );
  }
  cached = parsed.data.profiles.map((p) => ({
    lang: p.lang,
    charsets: p.charsets,
    common: new Set(Array.from(p.common)),
  }));
  return cached;
}
