/**
 * The rows behind the test store of seed.ts: its documents, and builders for sources, documents,
 * mentions, events and evidence steps.
 * @module
 */
import type { MentionAttribution } from '../../src/domain/attribution.js';
import { encodeCodes, type NewDocument, type NewMention } from '../../src/store/schema.js';

export const T0 = '2024-11-01T08:00:00.000Z';

export interface DocSpec {
  id: string;
  source_id: string | null;
  outlet: string;
  lang: string;
  published: string;
  title: string;
  text: string;
  story_id: string | null;
  origin: string | null;
}

export const DOCS: DocSpec[] = [
  {
    id: 'doc-en-1',
    source_id: 'src-yonhap',
    outlet: 'Yonhap',
    lang: 'en',
    published: '2024-11-04T09:00:00Z',
    title: 'North Korea fires ICBM into East Sea',
    text: 'North Korea fired an intercontinental ballistic missile on Monday, the JCS said. Russia reportedly delivered air defense systems to Pyongyang.',
    story_id: 'story-1',
    origin: 'Yonhap',
  },
  {
    id: 'doc-en-2',
    source_id: 'src-wire',
    outlet: 'Wire Daily',
    lang: 'en',
    published: '2024-11-04T12:00:00Z',
    title: 'North Korea fires ICBM, according to Yonhap',
    text: 'According to Yonhap, North Korea fired an intercontinental ballistic missile on Monday. Analysts expect more tests.',
    story_id: 'story-1',
    origin: 'Yonhap',
  },
  {
    id: 'doc-fr-1',
    source_id: 'src-wire',
    outlet: 'Wire Daily',
    lang: 'fr',
    published: '2024-11-10T07:30:00Z',
    title: 'La Russie livre des missiles à la Corée du Nord',
    text: 'La Russie aurait livré des missiles sol-air à la Corée du Nord, selon des sources sud-coréennes.',
    story_id: null,
    origin: null,
  },
  {
    id: 'doc-ko-1',
    source_id: 'src-yonhap',
    outlet: 'Yonhap',
    lang: 'ko',
    published: '2024-11-12T03:00:00Z',
    title: '북한, 탄도미사일 발사',
    text: '북한이 12일 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.',
    story_id: null,
    origin: null,
  },
  {
    id: 'doc-hostile',
    source_id: null,
    outlet: 'Unknown Blog',
    lang: 'en',
    published: '2024-11-13T10:00:00Z',
    title: '<img src=x onerror=alert(1)> Missile claims',
    text: 'Iran <script>window.__pwned = true</script> tested a cruise missile, the blog claims. <img src=x onerror="window.__pwned=1">',
    story_id: null,
    origin: null,
  },
];

export function source(
  id: string,
  name: string,
  url: string | null,
  reliability: string,
  lang: string | null,
  kind = 'feed',
) {
  return {
    id,
    name,
    kind,
    url,
    reliability,
    lang,
    interval_seconds: 900,
    enabled: 1,
    etag: null,
    last_modified: null,
    last_fetched_at: null,
    next_fetch_at: null,
    error_count: 0,
    last_error: null,
    created_at: T0,
    updated_at: T0,
  };
}

export function documentRow(d: DocSpec): NewDocument {
  return {
    ...d,
    url: `https://news.example/${d.id}`,
    ingested_at: d.published,
    content_hash: `hash-${d.id}`,
    fingerprint: null,
    meta: null,
    extracted_at: d.published,
  };
}

export function mention(
  documentId: string,
  index: number,
  text: string,
  sentence: string,
  m: {
    type: string;
    source: string | null;
    target: string | null;
    caps: string[];
    event: string | null;
    trigger: string;
    modality?: string;
    attribution?: MentionAttribution;
  },
): NewMention {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`seed: sentence not in ${documentId}: ${sentence}`);
  const t = text.indexOf(m.trigger, start);
  const doc = DOCS.find((d) => d.id === documentId)!;
  const cues = [
    {
      kind: 'trigger',
      start: t,
      end: t + m.trigger.length,
      ref: `${doc.lang}.trigger.${m.type}`,
      value: m.type,
    },
    ...(m.source
      ? [{ kind: 'actor', start, end: start + 6, ref: `gazetteer.${m.source}`, value: m.source }]
      : []),
  ];
  return {
    id: `${documentId}#${index}`,
    document_id: documentId,
    type: m.type,
    source_actor: m.source,
    target_actor: m.target,
    modality: m.modality ?? 'ASSERTED',
    capabilities: encodeCodes(m.caps),
    date: doc.published.slice(0, 10),
    span_start: start,
    span_end: start + sentence.length,
    trigger_start: t,
    trigger_end: t + m.trigger.length,
    mutual: 0,
    lang: doc.lang,
    published: doc.published,
    rules: JSON.stringify([`${doc.lang}.trigger.${m.type}`]),
    cues: JSON.stringify(cues),
    confidence: 0.9,
    event_id: m.event,
    created_at: doc.published,
    attribution: m.attribution ? JSON.stringify(m.attribution) : null,
  };
}

export function event(
  id: string,
  type: string,
  src: string,
  tgt: string | null,
  caps: string[],
  date: string,
  mentions: number,
  independent: number,
  credibility: number,
  modality = 'ASSERTED',
  lastSeen = '2024-11-04T12:00:00Z',
) {
  return {
    id,
    type,
    source_actor: src,
    target_actor: tgt,
    capabilities: encodeCodes(caps),
    date,
    first_seen: lastSeen < '2024-11-05' ? '2024-11-04T09:00:00Z' : lastSeen,
    last_seen: lastSeen,
    modality,
    mention_count: mentions,
    independent_sources: independent,
    credibility,
    explanation: JSON.stringify({
      independentOrigins: independent,
      rule: `credibility ${credibility}`,
    }),
    updated_at: lastSeen,
  };
}

export function evidence(
  id: string,
  hypothesis: string,
  indicator: string,
  eventId: string,
  at: string,
  before: number,
  after: number,
) {
  const logit = (p: number) => Math.log(p / (1 - p));
  return {
    id,
    hypothesis_id: hypothesis,
    indicator_id: indicator,
    event_id: eventId,
    at,
    delta_log_odds: logit(after) - logit(before),
    probability_before: before,
    probability_after: after,
    explanation: JSON.stringify({ credibility: 1, independence: 1, decay: 1 }),
    created_at: `${at}T12:00:00Z`,
  };
}
