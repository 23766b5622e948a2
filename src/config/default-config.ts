/**
 * The commented vigie.yaml that `vigie init` writes. Every value shown is the default, so the file
 * changes nothing until edited; examples of lists are commented out.
 * @module
 */
import { existsSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../domain/errors.js';

export const DEFAULT_CONFIG_YAML = `# Vigie configuration. Every field can be overridden by an environment variable:
# the field path in upper snake case joined by "__", e.g. VIGIE_DATABASE_URL,
# VIGIE_SERVER__PORT=9000, VIGIE_FETCH__ALLOW_PRIVATE='["127.0.0.1"]' (JSON for lists).

# Where everything is stored: a SQLite file (relative to this file), or a PostgreSQL URL
# such as postgres://vigie@db.example:5432/vigie for several machines.
database:
  url: ./vigie.db

# Sources polled by \`vigie run\`. reliability is the Admiralty grade of the source:
# A completely reliable … E unreliable, F cannot be judged.
# Local folders can be sources only inside allowedRoots (relative to this file), and only the
# operator registers them (\`vigie source add PATH\`); the API takes http(s) sources only.
sources:
  allowedRoots: []
  #  - ./inbox
  list: []
  #  - id: example-feed
  #    name: Example news feed
  #    url: https://news.example/rss.xml
  #    kind: feed            # feed | page | file | gdelt
  #    reliability: C
  #    lang: en              # a hint; detected when absent
  #    interval: 900         # seconds between polls
  #    enabled: true

# How pages and feeds are fetched.
fetch:
  timeoutMs: 20000
  maxBytes: 20971520          # 20 MiB; larger responses are refused
  maxRedirects: 5
  perHostConcurrency: 2
  perHostDelayMs: 1000        # politeness delay between requests to one host
  sourceBudgetMs: 120000      # longest time one source (feed and item pages) is read per poll
  pageConcurrency: 4          # item pages of one feed fetched at the same time
  maxPagesPerFeed: 30         # item pages fetched per poll; other items keep their summaries
  stopDrainMs: 10000          # on SIGTERM, time left to store what already answered
  userAgent: Vigie/0.1 (+https://github.com/vigie-osint/vigie)
  allowPrivate: []            # hosts or CIDR ranges allowed although private/loopback

# Caps on GDELT files read by \`vigie import gdelt\`: a zip bomb or a file without line ends stops
# at a cap with an error naming it; the complete rows before it are imported.
gdelt:
  maxInflatedBytes: 4294967296  # 4 GiB decompressed from a zipped export
  maxLineBytes: 65536           # one row

# Extra watchboard files (hypotheses and indicators), beside data/watchboards/.
watchboards: []
#  - ./boards/my-board.yaml

# Alert rules and where alerts are delivered.
alerts:
  rules: []
  #  - id: treaty-probability
  #    kind: threshold         # threshold | first-event | spike | watch
  #    board: russia-dprk
  #    hypothesis: h1
  #    above: 0.7
  #    notify: [ops-webhook]
  #  - id: first-transfer
  #    kind: first-event
  #    types: [ARMS_TRANSFER, TECH_TRANSFER]
  #    actors: [RUS, PRK]
  #    notify: [alerts-file]
  notifiers: []
  #  - id: ops-webhook
  #    type: webhook
  #    url: https://hooks.example/vigie
  #    secret: change-me       # signs each delivery (HMAC-SHA256)
  #  - id: analysts-mail
  #    type: email
  #    host: smtp.example
  #    port: 587
  #    from: vigie@example.org
  #    to: [analysts@example.org]
  #  - id: alerts-file
  #    type: file
  #    path: ./alerts.jsonl     # or - for stdout
  delivery:
    leaseMs: 300000           # a delivery left "sending" by a crash is retried after this

# The HTTP API and dashboard (\`vigie serve\`).
server:
  host: 127.0.0.1
  port: 8080
  corsOrigins: []             # allowed browser origins; closed by default
  rateLimitPerMinute: 600
  anonymousViewer: false      # true: read-only access without a token, loopback host only (demo)
  workers: 1                  # server processes sharing the port (one per core at most)
  limits:                     # per client of a role: largest body, costly requests at once
    anonymous: { bodyBytes: 65536, concurrent: 1 }
    viewer: { bodyBytes: 2097152, concurrent: 2 }
    analyst: { bodyBytes: 8388608, concurrent: 4 }
    admin: { bodyBytes: 8388608, concurrent: 8 }
    maxInFlight: 16           # costly requests at once, all clients; past it 503
    pdfQueue: 8               # PDF briefs waiting for the one shared Chromium; past it 503

# Extraction. The rule-based extractor needs nothing; an OpenAI-compatible endpoint can add
# a high-recall mode.
extract: {}
#  llm:
#    enabled: true
#    baseUrl: http://127.0.0.1:11434/v1
#    model: qwen2.5:7b
#    timeoutMs: 60000
`;

/** Writes the default config; refuses to replace an existing file unless `force`. */
export function writeDefaultConfig(path: string, force = false): void {
  if (existsSync(path) && !force) {
    throw new ConfigError(`${path} already exists; pass --force to overwrite it`, path);
  }
  writeFileSync(path, DEFAULT_CONFIG_YAML, 'utf8');
}
