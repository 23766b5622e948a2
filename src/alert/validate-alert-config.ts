/**
 * Checks alert rules against the ontology codes and the configured notifiers. A bad rule is
 * reported with the file, line and field, and dropped; the other rules keep running.
 * @module
 */
import type { AlertRuleConfig, NotifierConfig } from '../config/schema.js';
import { ConfigError } from '../domain/errors.js';
import { ActorCodeSchema, CAPABILITIES, EVENT_TYPES, MODALITIES } from '../domain/ontology.js';
import type { LineLocator } from './locate-yaml-line.js';

export interface AlertConfigInput {
  readonly rules: readonly AlertRuleConfig[];
  readonly notifiers: readonly NotifierConfig[];
}

export interface ValidateAlertConfigOptions {
  /** The config file, for messages (ResolvedConfig.file). */
  readonly file?: string | null;
  /** Maps a field path to its line in the file (see createYamlLineLocator). */
  readonly locate?: LineLocator;
  /** Known boards and their hypothesis ids; when given, threshold rules must name existing ones. */
  readonly boards?: ReadonlyMap<string, readonly string[]>;
}

export interface ValidatedAlertConfig {
  readonly rules: AlertRuleConfig[];
  readonly notifiers: NotifierConfig[];
  /** One error per bad rule or notifier, each naming file, line and field. */
  readonly errors: ConfigError[];
}

type Path = (string | number)[];

const KIND_FIELDS: Readonly<Record<AlertRuleConfig['kind'], readonly string[]>> = {
  threshold: ['board', 'hypothesis', 'above', 'below'],
  'first-event': ['types', 'actors', 'actorMatch', 'capabilities', 'modalities'],
  spike: ['types', 'actors', 'actorMatch', 'pValue'],
  watch: ['types', 'actors', 'actorMatch', 'capabilities', 'keywords', 'modalities'],
};
const OPTIONAL_FIELDS = [
  'board',
  'hypothesis',
  'above',
  'below',
  'types',
  'actors',
  'actorMatch',
  'capabilities',
  'keywords',
  'pValue',
  'modalities',
] as const;

/**
 * Valid rules and notifiers, and an error for each one dropped.
 * @example
 * const { rules, errors } = validateAlertConfig(config.alerts, { file: config.file });
 * for (const e of errors) log(e.message);
 */
export function validateAlertConfig(
  input: AlertConfigInput,
  options: ValidateAlertConfigOptions = {},
): ValidatedAlertConfig {
  const errors: ConfigError[] = [];
  const fail = (path: Path, label: string, message: string) => {
    const where = describe(path, options);
    errors.push(new ConfigError(`${where}${label}: ${message}`, where));
  };

  const notifiers: NotifierConfig[] = [];
  const notifierIds = new Set<string>();
  input.notifiers.forEach((notifier, index) => {
    if (notifierIds.has(notifier.id)) {
      fail(['alerts', 'notifiers', index, 'id'], '', `duplicate notifier id "${notifier.id}"`);
      return;
    }
    notifierIds.add(notifier.id);
    notifiers.push(notifier);
  });

  const rules: AlertRuleConfig[] = [];
  const ruleIds = new Set<string>();
  input.rules.forEach((rule, index) => {
    const base: Path = ['alerts', 'rules', index];
    const label = ` (rule "${rule.id}")`;
    const problems = checkRule(rule, notifierIds, ruleIds, options.boards);
    for (const [field, message] of problems) fail([...base, ...field], label, message);
    ruleIds.add(rule.id);
    if (problems.length === 0) rules.push(rule);
  });
  return { rules, notifiers, errors };
}

function checkRule(
  rule: AlertRuleConfig,
  notifierIds: ReadonlySet<string>,
  ruleIds: ReadonlySet<string>,
  boards: ReadonlyMap<string, readonly string[]> | undefined,
): [Path, string][] {
  const problems: [Path, string][] = [];
  if (ruleIds.has(rule.id)) problems.push([['id'], `duplicate rule id "${rule.id}"`]);
  rule.notify.forEach((id, i) => {
    if (!notifierIds.has(id)) {
      const defined = [...notifierIds].join(', ') || 'none';
      problems.push([
        ['notify', i],
        `notifier "${id}" is not defined in alerts.notifiers (defined: ${defined})`,
      ]);
    }
  });
  const allowed = KIND_FIELDS[rule.kind];
  for (const field of OPTIONAL_FIELDS) {
    if (rule[field] !== undefined && !allowed.includes(field)) {
      problems.push([
        [field],
        `"${field}" does not apply to ${rule.kind} rules (they take: ${allowed.join(', ')})`,
      ]);
    }
  }
  checkCodes(rule.types, EVENT_TYPES, 'types', 'event type', problems);
  checkCodes(rule.capabilities, CAPABILITIES, 'capabilities', 'capability', problems);
  checkCodes(rule.modalities, MODALITIES, 'modalities', 'modality', problems);
  rule.actors?.forEach((actor, i) => {
    if (!ActorCodeSchema.safeParse(actor).success) {
      problems.push([
        ['actors', i],
        `"${actor}" is not an actor code (ISO 3166 alpha-3 such as RUS, or UN, IAEA, NATO…)`,
      ]);
    }
  });
  rule.keywords?.forEach((keyword, i) => {
    if (keyword.replace(/\*$/, '').trim() === '') problems.push([['keywords', i], 'empty keyword']);
  });
  if (rule.kind === 'threshold') {
    if (rule.above === undefined && rule.below === undefined) {
      problems.push([
        [],
        'a threshold rule needs "above" (crossing up) or "below" (crossing down)',
      ]);
    }
    if (boards && rule.board !== undefined && !boards.has(rule.board)) {
      problems.push([
        ['board'],
        `unknown watchboard "${rule.board}" (known: ${[...boards.keys()].join(', ') || 'none'})`,
      ]);
    }
    if (boards && rule.hypothesis !== undefined) {
      const candidates =
        rule.board !== undefined ? (boards.get(rule.board) ?? []) : [...boards.values()].flat();
      if (!candidates.includes(rule.hypothesis)) {
        problems.push([
          ['hypothesis'],
          `unknown hypothesis "${rule.hypothesis}"${rule.board ? ` on board "${rule.board}"` : ''}`,
        ]);
      }
    }
  }
  if (rule.kind === 'watch') {
    const criteria = [rule.types, rule.actors, rule.capabilities, rule.keywords];
    if (criteria.every((c) => c === undefined || c.length === 0)) {
      problems.push([
        [],
        'a watch rule needs at least one of: types, actors, capabilities, keywords',
      ]);
    }
  }
  return problems;
}

function checkCodes(
  values: readonly string[] | undefined,
  known: readonly string[],
  field: string,
  what: string,
  problems: [Path, string][],
): void {
  values?.forEach((value, i) => {
    if (!known.includes(value)) {
      problems.push([[field, i], `unknown ${what} "${value}" (known: ${known.join(', ')})`]);
    }
  });
}

function describe(path: Path, options: ValidateAlertConfigOptions): string {
  const field = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  const line = options.locate?.(path);
  const file = options.file ? `${options.file}${line !== undefined ? `:${line}` : ''}: ` : '';
  return `${file}${field}`;
}
