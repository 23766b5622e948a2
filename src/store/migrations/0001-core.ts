/** The core tables of schema.ts. Portable column types only; dialect specifics go in later migrations. */
import type { Kysely } from 'kysely';
import type { VigieMigration } from './migration.js';

const REAL = 'double precision';

export const coreMigration: VigieMigration = {
  name: '0001-core',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('reliability', 'text', (c) => c.notNull().defaultTo('F'))
      .addColumn('lang', 'text')
      .addColumn('interval_seconds', 'integer', (c) => c.notNull().defaultTo(900))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_fetched_at', 'text')
      .addColumn('next_fetch_at', 'text')
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sources_url').on('sources').column('url').execute();

    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text')
      .addColumn('outlet', 'text')
      .addColumn('url', 'text')
      .addColumn('title', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('lang', 'text')
      .addColumn('published', 'text')
      .addColumn('ingested_at', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text')
      .addColumn('story_id', 'text')
      .addColumn('origin', 'text')
      .addColumn('meta', 'text')
      .addColumn('extracted_at', 'text')
      .execute();
    await db.schema
      .createIndex('documents_content_hash')
      .unique()
      .on('documents')
      .column('content_hash')
      .execute();
    await db.schema
      .createIndex('documents_published')
      .on('documents')
      .column('published')
      .execute();
    await db.schema.createIndex('documents_story').on('documents').column('story_id').execute();
    await db.schema.createIndex('documents_url').on('documents').column('url').execute();
    await db.schema
      .createIndex('documents_extracted')
      .on('documents')
      .column('extracted_at')
      .execute();

    await db.schema
      .createTable('stories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('first_document_id', 'text', (c) => c.notNull())
      .addColumn('first_published', 'text')
      .addColumn('document_count', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('mentions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('source_actor', 'text')
      .addColumn('target_actor', 'text')
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('capabilities', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('date', 'text')
      .addColumn('span_start', 'integer', (c) => c.notNull())
      .addColumn('span_end', 'integer', (c) => c.notNull())
      .addColumn('trigger_start', 'integer')
      .addColumn('trigger_end', 'integer')
      .addColumn('mutual', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lang', 'text')
      .addColumn('published', 'text')
      .addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('cues', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('confidence', REAL, (c) => c.notNull().defaultTo(1))
      .addColumn('event_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mentions_document').on('mentions').column('document_id').execute();
    await db.schema
      .createIndex('mentions_type_published')
      .on('mentions')
      .columns(['type', 'published'])
      .execute();
    await db.schema.createIndex('mentions_published').on('mentions').column('published').execute();
    await db.schema.createIndex('mentions_source').on('mentions').column('source_actor').execute();
    await db.schema.createIndex('mentions_target').on('mentions').column('target_actor').execute();
    await db.schema.createIndex('mentions_event').on('mentions').column('event_id').execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('source_actor', 'text')
      .addColumn('target_actor', 'text')
      .addColumn('capabilities', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('date', 'text')
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('mention_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('independent_sources', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('credibility', 'integer', (c) => c.notNull().defaultTo(6))
      .addColumn('explanation', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('events_type_date')
      .on('events')
      .columns(['type', 'date'])
      .execute();
    await db.schema.createIndex('events_last_seen').on('events').column('last_seen').execute();

    await db.schema
      .createTable('watchboards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('hypotheses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('board_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('prior', REAL, (c) => c.notNull())
      .addColumn('horizon_days', 'integer')
      .addColumn('probability', REAL, (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hypotheses_board').on('hypotheses').column('board_id').execute();
    await db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hypothesis_id', 'text', (c) => c.notNull())
      .addColumn('board_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('criteria', 'text', (c) => c.notNull())
      .addColumn('lr_present', REAL, (c) => c.notNull())
      .addColumn('lr_absent', REAL)
      .execute();
    await db.schema
      .createTable('evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hypothesis_id', 'text', (c) => c.notNull())
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('delta_log_odds', REAL, (c) => c.notNull())
      .addColumn('probability_before', REAL, (c) => c.notNull())
      .addColumn('probability_after', REAL, (c) => c.notNull())
      .addColumn('explanation', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('evidence_hypothesis_at')
      .on('evidence')
      .columns(['hypothesis_id', 'at'])
      .execute();

    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedup_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text')
      .execute();
    await db.schema.createIndex('alerts_dedup').unique().on('alerts').column('dedup_key').execute();
    await db.schema.createIndex('alerts_created').on('alerts').column('created_at').execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('alert_id', 'text', (c) => c.notNull())
      .addColumn('notifier', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('outbox_due')
      .on('outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text')
      .execute();
  },
};
