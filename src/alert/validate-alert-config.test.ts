import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { createYamlLineLocator } from './locate-yaml-line.js';
import { validateAlertConfig } from './validate-alert-config.js';
import { parse } from 'yaml';

const yamlText = `alerts:
  notifiers:
    - id: ops-hook
      type: webhook
      url: https://hooks.example.org/vigie
  rules:
    - id: good
      kind: first-event
      types: [ARMS_TRANSFER]
      notify: [ops-hook]
    - id: missing-notifier
      kind: spike
      notify: [ops-hook, slack]
    - id: bad-codes
      kind: watch
      types: [ARMS_SALE]
      capabilities: [LASER]
      notify: [ops-hook]
    - id: no-level
      kind: threshold
      board: rus-prk
    - id: empty-watch
      kind: watch
`;

const config = ConfigSchema.parse(parse(yamlText));

describe('validateAlertConfig', () => {
  const result = validateAlertConfig(config.alerts, {
    file: '/etc/vigie.yaml',
    locate: createYamlLineLocator(yamlText),
  });

  it('keeps the valid rules running', () => {
    expect(result.rules.map((r) => r.id)).toEqual(['good']);
    expect(result.notifiers.map((n) => n.id)).toEqual(['ops-hook']);
  });

  it('names the file, line, field and rule of a missing notifier', () => {
    const error = result.errors.find((e) => e.message.includes('"slack"'))!;
    expect(error.message).toBe(
      '/etc/vigie.yaml:13: alerts.rules[1].notify[1] (rule "missing-notifier"): notifier "slack" is not defined in alerts.notifiers (defined: ops-hook)',
    );
    expect(error.code).toBe('VIGIE_CONFIG_INVALID');
  });

  it('reports unknown type and capability codes', () => {
    const messages = result.errors.map((e) => e.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/:16: alerts\.rules\[2\]\.types\[0\] .*unknown event type "ARMS_SALE"/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /:17: alerts\.rules\[2\]\.capabilities\[0\] .*unknown capability "LASER"/,
      ),
    );
  });

  it('requires a level on threshold rules and a criterion on watch rules', () => {
    const messages = result.errors.map((e) => e.message);
    expect(messages).toContainEqual(
      expect.stringContaining('alerts.rules[3] (rule "no-level"): a threshold rule needs'),
    );
    expect(messages).toContainEqual(
      expect.stringContaining('alerts.rules[4] (rule "empty-watch"): a watch rule needs'),
    );
    expect(result.errors).toHaveLength(5);
  });

  it('rejects fields of another kind, duplicate ids and unknown boards', () => {
    const raw = ConfigSchema.parse({
      alerts: {
        rules: [
          { id: 'a', kind: 'spike', keywords: ['x'] },
          { id: 'a', kind: 'spike' },
          { id: 'b', kind: 'threshold', board: 'nope', above: 0.5 },
          { id: 'c', kind: 'threshold', board: 'rus-prk', hypothesis: 'h9', above: 0.5 },
          { id: 'd', kind: 'threshold', board: 'rus-prk', hypothesis: 'h1', above: 0.5 },
          { id: 'e', kind: 'watch', actors: ['Russia'] },
        ],
      },
    });
    const { rules, errors } = validateAlertConfig(raw.alerts, {
      boards: new Map([['rus-prk', ['h1']]]),
    });
    expect(rules.map((r) => r.id)).toEqual(['d']);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('"keywords" does not apply to spike rules'),
      expect.stringContaining('duplicate rule id "a"'),
      expect.stringContaining('unknown watchboard "nope"'),
      expect.stringContaining('unknown hypothesis "h9" on board "rus-prk"'),
      expect.stringContaining('"Russia" is not an actor code'),
    ]);
  });
});
