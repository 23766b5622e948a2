import type { VigieMigration } from './migration.js';
import { coreMigration } from './0001-core.js';
import { sourceErrorsMigration } from './0010-source-errors.js';
import { storyIndexMigration } from './0011-story-index.js';
import { gdeltEventsMigration } from './0012-gdelt-events.js';
import { storyEvidenceMigration } from './0014-story-evidence.js';
import { mentionAttributionMigration } from './0015-mention-attribution.js';
import { gdeltLeanRowsMigration } from './0013-gdelt-lean-rows.js';
import { alertOutboxMigration } from './0030-alert-outbox.js';
import { analysisMigration } from './0020-analysis.js';
import { analysisPairIndexMigration } from './0021-analysis-pair-index.js';
import { searchMigration } from './0002-search.js';
import { analysisMarkMigration } from './0009-analysis-mark.js';
import { serverReadIndexesMigration } from './0040-server-read-indexes.js';
import { serverKeysetIndexesMigration } from './0041-server-keyset-indexes.js';
import { dropDuplicateIndexesMigration } from './0008-drop-duplicate-indexes.js';
import { boardMatchesMigration } from './0022-board-matches.js';
import { resolutionsMigration } from './0023-resolutions.js';
import { searchByDateMigration } from './0050-search-by-date.js';
import { jobsMigration } from './0060-jobs.js';
import { searchUsermergeMigration } from './0070-search-usermerge.js';
import { jobsOneRunningMigration } from './0080-jobs-one-running.js';
import { correctionsMigration, mentionCorrectionMigration } from './0090-corrections.js';
import { workbenchIndexesMigration } from './0095-workbench-indexes.js';
import { savedSearchesMigration } from './0096-saved-searches.js';
import { sourceGradesMigration } from './0110-source-grades.js';
import { actorIndexesMigration } from './0120-actor-indexes.js';
import { storyCandidateWindowMigration } from './0130-story-candidate-window.js';
import { boardWordingMigration } from './0180-board-wording.js';

/** Every migration, in the order it applies. Add new ones here. */
export const MIGRATIONS: readonly VigieMigration[] = [
  coreMigration,
  searchMigration,
  serverReadIndexesMigration,
  serverKeysetIndexesMigration,
  analysisMigration,
  analysisPairIndexMigration,
  alertOutboxMigration,
  sourceErrorsMigration,
  storyIndexMigration,
  gdeltEventsMigration,
  gdeltLeanRowsMigration,
  analysisMarkMigration,
  dropDuplicateIndexesMigration,
  boardMatchesMigration,
  resolutionsMigration,
  searchByDateMigration,
  jobsMigration,
  searchUsermergeMigration,
  jobsOneRunningMigration,
  storyEvidenceMigration,
  mentionAttributionMigration,
  correctionsMigration,
  mentionCorrectionMigration,
  workbenchIndexesMigration,
  savedSearchesMigration,
  sourceGradesMigration,
  actorIndexesMigration,
  storyCandidateWindowMigration,
  boardWordingMigration,
];
