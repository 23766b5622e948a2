/**
 * The scoring of corpus-format.md: one-to-one greedy span matching per document and type,
 * micro P/R/F1 overall, per language and per type, and attribute figures on matched pairs.
 * Pure: gold documents and predictions in, a report out.
 * @module
 */
import type { GoldDocument, GoldEvent, PredictedEvent, Prediction } from '../../domain/document.js';
import { SYMMETRIC_TYPES } from '../../domain/ontology.js';

export interface ScoreOptions {
  /** How many false positives, false negatives and attribute errors to list (default 10 each). */
  readonly worst?: number;
  /** Longest sentence excerpt in the listed errors (default 300 characters). */
  readonly maxSentence?: number;
}

export interface GroupScore {
  readonly gold: number;
  readonly predicted: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Figures on matched pairs; null when nothing matched. */
  readonly actorAccuracy: number | null;
  readonly modalityAccuracy: number | null;
  readonly capabilityJaccard: number | null;
  readonly dateAccuracy: number | null;
}

export interface ErrorExample {
  readonly docId: string;
  readonly lang: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  /** Errors of any kind in the same sentence: the sentences with most errors come first. */
  readonly errorsInSentence: number;
  /** What the other side has on this span: e.g. `gold: CONCERN` beside a false ARMS_TRANSFER. */
  readonly note?: string;
}

export interface AttributeError extends ErrorExample {
  readonly fields: readonly ('actors' | 'modality' | 'capabilities' | 'date')[];
  readonly gold: Pick<GoldEvent, 'source' | 'target' | 'modality' | 'capabilities' | 'date'>;
  readonly predicted: Pick<
    PredictedEvent,
    'source' | 'target' | 'modality' | 'capabilities' | 'date'
  >;
}

export interface EvalReport {
  readonly documents: number;
  readonly overall: GroupScore;
  readonly byLang: Readonly<Record<string, GroupScore>>;
  readonly byType: Readonly<Record<string, GroupScore>>;
  readonly falsePositives: readonly ErrorExample[];
  readonly falseNegatives: readonly ErrorExample[];
  readonly attributeErrors: readonly AttributeError[];
  /** Gold documents without a prediction line (all their events count as missed). */
  readonly missingPredictions: readonly string[];
  /** Prediction ids that are not in the gold corpus (ignored). */
  readonly unknownPredictions: readonly string[];
  /** Prediction lines that carried an error. */
  readonly predictionErrors: readonly { readonly id: string; readonly error: string }[];
  /** Gold events whose evidence is not in the text (counted as missed). */
  readonly evidenceNotFound: readonly { readonly docId: string; readonly evidence: string }[];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** One matched, missed or spurious mention with its group keys. */
interface Outcome {
  readonly docId: string;
  readonly lang: string;
  readonly type: string;
  readonly kind: 'tp' | 'fp' | 'fn';
  readonly span: Span;
  readonly gold?: GoldEvent;
  readonly predicted?: PredictedEvent;
}

/** Overlap in code units of two half-open spans (0 when disjoint). */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Both roles right; symmetric types and mutual exchanges compare as unordered pairs. */
export function actorsMatch(gold: GoldEvent, predicted: PredictedEvent): boolean {
  if (gold.source === predicted.source && gold.target === predicted.target) return true;
  const unordered = SYMMETRIC_TYPES.has(gold.type) || gold.mutual === true;
  return unordered && gold.source === predicted.target && gold.target === predicted.source;
}

/** |A ∩ B| / |A ∪ B|; 1 when both are empty. */
export function capabilityJaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** Equal at the gold's precision (the prediction is truncated to it); null must be null. */
export function datesMatch(gold: string | null, predicted: string | null): boolean {
  if (gold === null) return predicted === null;
  if (predicted === null || predicted.length < gold.length) return false;
  return predicted.slice(0, gold.length) === gold;
}

/**
 * Greedy one-to-one matching of gold and predicted spans: candidate pairs (overlap > 0) are taken
 * largest overlap first; ties go to the earlier gold, then the earlier prediction.
 */
export function matchSpans(gold: readonly Span[], predicted: readonly Span[]): [number, number][] {
  const pairs: { g: number; p: number; o: number }[] = [];
  gold.forEach((gs, g) =>
    predicted.forEach((ps, p) => {
      const o = overlap(gs, ps);
      if (o > 0) pairs.push({ g, p, o });
    }),
  );
  pairs.sort((a, b) => b.o - a.o || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const result: [number, number][] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    result.push([g, p]);
  }
  return result;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

function summarise(outcomes: readonly Outcome[]): GroupScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let actors = 0;
  let modality = 0;
  let jaccard = 0;
  let dates = 0;
  for (const o of outcomes) {
    if (o.kind === 'fp') fp++;
    else if (o.kind === 'fn') fn++;
    else if (o.gold && o.predicted) {
      tp++;
      if (actorsMatch(o.gold, o.predicted)) actors++;
      if (o.gold.modality === o.predicted.modality) modality++;
      jaccard += capabilityJaccard(o.gold.capabilities, o.predicted.capabilities);
      if (datesMatch(o.gold.date, o.predicted.date)) dates++;
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const onMatched = (n: number): number | null => (tp === 0 ? null : n / tp);
  return {
    gold: tp + fn,
    predicted: tp + fp,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    actorAccuracy: onMatched(actors),
    modalityAccuracy: onMatched(modality),
    capabilityJaccard: onMatched(jaccard),
    dateAccuracy: onMatched(dates),
  };
}

function groupBy(
  outcomes: readonly Outcome[],
  key: (o: Outcome) => string,
): Record<string, GroupScore> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(o);
  }
  return Object.fromEntries(
    [...groups.keys()].sort().map((k) => [k, summarise(groups.get(k) ?? [])]),
  );
}

/** Scores predictions against a gold corpus. */
export function scorePredictions(
  gold: readonly GoldDocument[],
  predictions: readonly Prediction[],
  options: ScoreOptions = {},
): EvalReport {
  const worst = options.worst ?? 10;
  const maxSentence = options.maxSentence ?? 300;
  const byId = new Map<string, Prediction>();
  const predictionErrors: { id: string; error: string }[] = [];
  for (const p of predictions) {
    if (p.error !== undefined) predictionErrors.push({ id: p.id, error: p.error });
    if (!byId.has(p.id)) byId.set(p.id, p);
  }
  const goldIds = new Set(gold.map((d) => d.id));
  const outcomes: Outcome[] = [];
  const texts = new Map<string, string>();
  const missingPredictions: string[] = [];
  const evidenceNotFound: { docId: string; evidence: string }[] = [];

  for (const doc of gold) {
    texts.set(doc.id, doc.text);
    const prediction = byId.get(doc.id);
    if (!prediction) missingPredictions.push(doc.id);
    const lang = doc.lang ?? prediction?.lang ?? 'und';
    const goldEvents: { event: GoldEvent; span: Span }[] = [];
    for (const event of doc.events) {
      const start = doc.text.indexOf(event.evidence);
      if (start < 0) {
        evidenceNotFound.push({ docId: doc.id, evidence: event.evidence });
        outcomes.push({
          docId: doc.id,
          lang,
          type: event.type,
          kind: 'fn',
          span: { start: 0, end: 0 },
          gold: event,
        });
      } else {
        goldEvents.push({ event, span: { start, end: start + event.evidence.length } });
      }
    }
    const predicted = prediction?.events ?? [];
    const types = new Set<string>([
      ...goldEvents.map((g) => g.event.type),
      ...predicted.map((p) => p.type),
    ]);
    for (const type of types) {
      const g = goldEvents.filter((x) => x.event.type === type);
      const p = predicted.filter((x) => x.type === type);
      const pairs = matchSpans(
        g.map((x) => x.span),
        p,
      );
      const matchedG = new Set(pairs.map(([gi]) => gi));
      const matchedP = new Set(pairs.map(([, pi]) => pi));
      for (const [gi, pi] of pairs) {
        const ge = g[gi];
        const pe = p[pi];
        if (ge && pe)
          outcomes.push({
            docId: doc.id,
            lang,
            type,
            kind: 'tp',
            span: ge.span,
            gold: ge.event,
            predicted: pe,
          });
      }
      g.forEach((x, i) => {
        if (!matchedG.has(i))
          outcomes.push({ docId: doc.id, lang, type, kind: 'fn', span: x.span, gold: x.event });
      });
      p.forEach((x, i) => {
        if (!matchedP.has(i))
          outcomes.push({ docId: doc.id, lang, type, kind: 'fp', span: x, predicted: x });
      });
    }
  }

  const examples = listErrors(outcomes, texts, worst, maxSentence);
  return {
    documents: gold.length,
    overall: summarise(outcomes),
    byLang: groupBy(outcomes, (o) => o.lang),
    byType: groupBy(outcomes, (o) => o.type),
    ...examples,
    missingPredictions,
    unknownPredictions: [...byId.keys()].filter((id) => !goldIds.has(id)),
    predictionErrors,
    evidenceNotFound,
  };
}

function listErrors(
  outcomes: readonly Outcome[],
  texts: ReadonlyMap<string, string>,
  worst: number,
  maxSentence: number,
): Pick<EvalReport, 'falsePositives' | 'falseNegatives' | 'attributeErrors'> {
  const attributeFields = (o: Outcome): AttributeError['fields'] => {
    if (!o.gold || !o.predicted) return [];
    const fields: ('actors' | 'modality' | 'capabilities' | 'date')[] = [];
    if (!actorsMatch(o.gold, o.predicted)) fields.push('actors');
    if (o.gold.modality !== o.predicted.modality) fields.push('modality');
    if (capabilityJaccard(o.gold.capabilities, o.predicted.capabilities) < 1)
      fields.push('capabilities');
    if (!datesMatch(o.gold.date, o.predicted.date)) fields.push('date');
    return fields;
  };
  // Errors per sentence: detection errors, plus matched pairs with wrong attributes.
  const perSentence = new Map<string, number>();
  const sentenceKey = (o: Outcome): string => `${o.docId}\u0000${o.span.start}`;
  for (const o of outcomes) {
    const n = o.kind === 'tp' ? (attributeFields(o).length > 0 ? 1 : 0) : 1;
    if (n > 0) perSentence.set(sentenceKey(o), (perSentence.get(sentenceKey(o)) ?? 0) + n);
  }
  const byDoc = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    let list = byDoc.get(o.docId);
    if (!list) byDoc.set(o.docId, (list = []));
    list.push(o);
  }
  const base = (o: Outcome, order: number): ErrorExample & { order: number } => {
    const text = texts.get(o.docId) ?? '';
    const sentence = text.slice(
      Math.min(o.span.start, text.length),
      Math.min(o.span.end, text.length),
    );
    const others = (byDoc.get(o.docId) ?? [])
      .filter(
        (x) =>
          x !== o &&
          x.docId === o.docId &&
          x.kind !== (o.kind === 'fp' ? 'fp' : 'fn') &&
          overlap(x.span, o.span) > 0 &&
          x.type !== o.type,
      )
      .map((x) => x.type);
    const side = o.kind === 'fp' ? 'gold' : 'predicted';
    return {
      docId: o.docId,
      lang: o.lang,
      type: o.type,
      start: o.span.start,
      end: o.span.end,
      sentence: sentence.length > maxSentence ? `${sentence.slice(0, maxSentence - 1)}…` : sentence,
      errorsInSentence: perSentence.get(sentenceKey(o)) ?? 1,
      ...(others.length > 0 ? { note: `${side}: ${[...new Set(others)].join(', ')}` } : {}),
      order,
    };
  };
  const rank = <T extends { errorsInSentence: number; order: number }>(
    list: T[],
  ): Omit<T, 'order'>[] =>
    list
      .sort((a, b) => b.errorsInSentence - a.errorsInSentence || a.order - b.order)
      .slice(0, worst)
      .map(({ order: _order, ...rest }) => rest);
  const fps: (ErrorExample & { order: number })[] = [];
  const fns: (ErrorExample & { order: number })[] = [];
  const attrs: (AttributeError & { order: number })[] = [];
  outcomes.forEach((o, order) => {
    if (o.kind === 'fp') fps.push(base(o, order));
    else if (o.kind === 'fn') fns.push(base(o, order));
    else if (o.gold && o.predicted) {
      const fields = attributeFields(o);
      if (fields.length === 0) return;
      const pick = ({
        source,
        target,
        modality,
        capabilities,
        date,
      }: GoldEvent | PredictedEvent) => ({
        source,
        target,
        modality,
        capabilities,
        date,
      });
      const { note: _note, ...b } = base(o, order);
      attrs.push({ ...b, fields, gold: pick(o.gold), predicted: pick(o.predicted) });
    }
  });
  return { falsePositives: rank(fps), falseNegatives: rank(fns), attributeErrors: rank(attrs) };
}
