/**
 * English labels: the words for every ontology code the API returns (event types, modalities,
 * capabilities, Admiralty grades, alert kinds, organisations) from data/labels/en.json, which the
 * briefs read too, and the dashboard's own sentences. The French table (labels-fr.ts) has the
 * same shape, checked by the `Labels` type.
 * @module
 */
import type { MessageTable } from '../../../src/domain/messages.js';
import type { Capability, EventType, Modality } from '../../../src/domain/ontology.js';
import codes from '../../../data/labels/en.json' with { type: 'json' };
import { enPages } from './page-labels-en.js';

export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** The code tables of a data/labels/<lang>.json file, every code of the ontology required. */
export interface CodeLabels {
  readonly eventType: Readonly<Record<EventType, string>>;
  readonly modality: Readonly<Record<Modality, string>>;
  readonly capability: Readonly<Record<Capability, string>>;
  readonly credibility: Readonly<Record<Credibility, string>>;
  readonly reliability: Readonly<Record<Reliability, string>>;
  readonly alertKind: Readonly<Record<string, string>>;
  readonly organisation: Readonly<Record<string, string>>;
  /** Long dates of server sentences ("4 November 2025"). */
  readonly dateLocale: string;
  /** The sentences the server builds, as templates (src/domain/messages.ts). */
  readonly messages: MessageTable['messages'];
}

const enCodes: CodeLabels = codes;

export const en = {
  ...enCodes,
  edgeKind: { asserted: 'asserted', hedged: 'hedged or planned', denied: 'denied' },
  ui: {
    ...enPages,
    nav: {
      overview: 'Overview',
      events: 'Events',
      documents: 'Documents',
      alerts: 'Alerts',
      sources: 'Sources',
      calibration: 'Calibration',
    },
    skip: 'Skip to content',
    signOut: 'Sign out',
    tokenHint: 'On the server, create a user, then its token:',
    tokenKept: 'It stays in this tab only.',
    tokenRefused: 'This token was refused: {reason}.',
    login: {
      tagline: 'Early warning for nuclear and missile proliferation.',
      token: 'API token',
      signIn: 'Sign in',
      anonymous: 'Continue without a token (viewer)',
    },
    latestAlerts: 'Latest alerts',
    openCount: '{n} open',
    allAlerts: 'All alerts',
    activity: 'Activity',
    trajectory: 'Trajectory (from a week before the first evidence step, up to a year)',
    evidence: 'Evidence',
    olderSteps: 'Older steps are not shown.',
    independentSources: '{n} independent source(s)',
    indicators: {
      title: 'Indicators',
      help: 'LR: how much more likely a matching event is if the hypothesis is true (above 1 raises it, below 1 lowers it). Contribution: the total it added, in log-odds.',
      indicator: 'Indicator',
      lrPresent: 'LR if seen',
      lrAbsent: 'LR if silent',
      steps: 'Steps',
      contribution: 'Contribution (log-odds)',
    },
    timelineTitle: 'Timeline of events by type (first report)',
    undatedEvents: '{n} event(s) without a date: not on the timeline, listed below.',
    columns: {
      date: 'Date',
      type: 'Type',
      actors: 'Actors',
      modality: 'Modality',
      capabilities: 'Capabilities',
      mentions: 'Mentions',
      independentSources: 'Independent sources',
      credibility: 'Credibility',
    },
    filters: {
      type: 'type',
      capability: 'capability',
      modality: 'modality',
      any: 'any',
      actor: 'actor',
      partner: 'with',
      language: 'language',
      since: 'since',
      until: 'until',
      apply: 'Apply',
      clear: 'Clear',
      count: '{n} events',
      countMore: '{n}+ events (the first {limit} shown)',
      timeline: 'Timeline',
      network: 'Actor network',
      map: 'Map of transfers and deployments',
      list: 'List',
      showMore: 'Show {n} more',
    },
    firstEventTitle: 'First {type}: {pair}',
    language: 'Language',
    loading: 'Loading…',
    retry: 'Try again',
    backToOverview: 'Back to the overview',
    notFound: 'Not found',
    notFoundText: 'There is no such page.',
    error: {
      network:
        'The server did not answer. Check that `vigie serve` (or the demo) is still running.',
      unauthorized:
        'Your sign-in is no longer accepted (the token may have expired). Sign in again.',
      forbidden: 'Your role cannot do this; it needs the analyst role (or admin).',
      notFound: 'This item does not exist: it may have been removed, or the link is wrong.',
      badRequest: 'The server did not accept the request:',
      tooMany: 'Too many requests in a short time. Wait a few seconds, then try again.',
      server:
        'The server failed while answering. Try again; if it keeps failing, see the server log.',
      details: 'Details',
    },
    credibilityWord: 'credibility',
    credibilityScale:
      'Credibility (Admiralty scale): 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.',
    silence: 'Silence',
    pendingDocuments: '{n} documents not analysed yet: silence below may be unread news.',
    resolved: 'Resolved {outcome} on {date}',
    resolvedTrue: 'true',
    resolvedFalse: 'false',
    recordedBy: 'recorded by',
    silenceText: 'no matching event for {days} days: the silence lowers the probability',
    raised: 'raised it from {before} to {after}',
    lowered: 'lowered it from {before} to {after}',
    unchanged: 'left it at {after}',
    /** An indicator and what it did: "Missile tests: raised it from 41% to 62%". */
    changeLine: '{indicator}: {change}',
    noChange: 'No change since the prior ({prior}).',
    noBoards:
      'No watchboard yet. Boards live in data/watchboards/ (or the `watchboards:` list of vigie.yaml); run `npx vigie board` to score them.',
    noAlerts:
      'No alerts yet. Alerts appear when a rule of vigie.yaml fires (docs/alerts.md); `npx vigie demo` adds two demo rules.',
    noOpenAlerts:
      'No open alerts: everything has been acknowledged. Tick “Show acknowledged alerts too” to see them.',
    trackRecords: {
      title: 'Track records and suggested grades',
      intro:
        'Each source’s own reports of events, against how the questions they bear on resolved and what other independent origins reported (docs/source-grades.md). A suggestion never changes a grade until an analyst applies it.',
      source: 'Source',
      claims: 'Claims',
      confirmed: 'Confirmed',
      contradicted: 'Contradicted',
      open: 'Open',
      first: 'First to report',
      current: 'Current grade',
      suggested: 'Suggested',
      apply: 'Apply {grade}',
      applied: '{name}: grade {grade} applied.',
      same: 'no change',
      viewerNote: 'Applying a suggestion needs the analyst role.',
      bareOutlet: 'outlet of ingested files, no grade to set',
      none: 'No sources yet, so no track records.',
    },
    sourceTable: {
      source: 'Source',
      kind: 'Kind',
      language: 'Language',
      reliability: 'Reliability',
      reliabilityOf: 'Reliability of {name}',
      lastFetched: 'Last fetched',
      errors: 'Errors',
      disabled: ' (disabled)',
      kinds: {
        feed: 'feed',
        page: 'page',
        file: 'files',
        gdelt: 'GDELT',
        outlet: 'outlet',
      } as Record<string, string>,
    },
    noSources:
      'No sources yet. An admin adds a feed with `npx vigie source add URL`; documents ingested from files (`npx vigie ingest FILE`) are listed by outlet on the overview.',
    noEvents: 'No events match these filters. Widen the dates or clear a filter.',
    noEventsAtAll:
      'No events yet: ingest news with `npx vigie ingest FILE` or try `npx vigie demo`.',
    clearFilters: 'Clear the filters',
    noPairs:
      'No events between two actors under these filters: the network needs a source and a target.',
    noFlows: 'No transfers or deployments between two states in this region under these filters.',
    noEvidence:
      'No evidence yet: this hypothesis moves when matching events are ingested and analysed.',
    noTrajectory: 'No trajectory yet: the probability is drawn once the board has been scored.',
    nothingYet: 'Nothing in this period.',
    activityTotals: '{documents} documents, {mentions} mentions, {events} events in the store.',
    activityWindow: 'The bars count documents published {from} – {to}.',
    noActivity: 'No dated document yet: ingest news to see activity.',
    alertOn: 'on {at}',
    alertRecorded: 'recorded {at}',
    range: {
      use: 'Use these dates',
      briefs: 'Briefs cover these dates;',
      events: 'events',
      and: 'and',
      documents: 'documents',
      sameRange: 'in the same range.',
    },
    byLanguage: 'By language',
    bySource: 'By source',
    sparkline: 'last 30 days; the grey line is 50%',
    chart: {
      probability: 'probability',
      evidenceStep: 'evidence step (raises or lowers)',
      silenceStep: 'silence step',
      timelineSize: 'dot size: number of mentions',
      cooperation: 'cooperation',
      conflict: 'conflict',
      solo: 'one actor (test, launch, development)',
    },
    network: {
      title:
        'Actor pairs: line width is the number of events, colour whether reports assert, hedge or deny them',
      width: 'line width: events',
      pair: 'Pair',
      events: 'Events',
    },
    map: {
      title: 'Transfers and deployments between states, East Asia to Eastern Europe',
      weight: 'arrow width: independent sources (summed over events)',
      shade: 'shade: events involving the state',
      flow: '{from} → {to}: {events} event(s), {sources} independent source(s)',
      transfer: 'transfer',
      deployment: 'deployment',
    },
    wb: {
      crumbOverview: 'Overview',
      crumbEvents: 'Events',
      crumbDocuments: 'Documents',
      crumbActor: 'Actor',
      crumbStory: 'Story',
      crumbEvent: 'Event',
      // Actor page
      actorEvents: '{n} events',
      actorEvent: '1 event',
      fromTo: ' from {from} to {to}',
      filtered: ' (filtered: {since} – {until})',
      documentsNaming: 'documents naming {actor}',
      byType: 'By event type',
      byPartner: 'By partner',
      together: '{n} together',
      alone: 'with no other actor: {n}',
      overTime: 'Over time',
      typeRow: 'Type',
      partnerRow: 'Partner',
      aloneRow: 'alone',
      byMonth: 'Events by {what} and month',
      // Story page
      storyTitle: 'Story {id}',
      copies: '{n} copies',
      copy: '1 copy',
      firstPublished: 'first published {day} by',
      creditedOrigin: 'Credited origin',
      noOrigin: 'No copy names where the report comes from.',
      namedBy: ', named by {copies}',
      copiesH: 'Copies',
      credits: 'Credits',
      whyCopy: 'Why it is a copy',
      // Document tables and the documents page
      title: 'Title',
      outlet: 'Outlet',
      published: 'Published',
      storyCol: 'Story',
      storyLink: 'story',
      firstMark: ' (first)',
      onPage: '{n} documents on this page',
      onPageOne: '1 document on this page',
      newestFirst: ', newest first',
      sortedWithin: ' · sorted by {key} {dir} within the page',
      ascending: 'ascending',
      descending: 'descending',
      language: 'Language',
      words: 'words',
      search: 'Search',
      outletFacet: 'outlet',
      whyCredibility: 'Why credibility {c}',
      noReasons: 'No reasons stored for this event yet: run the analysis again to record them.',
      moved: 'Hypotheses it moved',
      movedNone: 'This event has not moved any hypothesis of a watchboard.',
      origins: 'Independent origins',
      noOrigins: 'Origins are not recorded for this event yet: run the analysis again.',
      carriedBy: ', carried by {outlets}',
      documentsN: 'Documents ({n})',
      mentionsN: 'Mentions ({n})',
      ownReport: 'own report',
      unknownOutlet: 'unknown outlet',
      from: 'from',
      originCount: '{n} independent origins',
      originOne: '1 independent origin',
      mentionCount: '{n} mentions',
      mentionOne: '1 mention',
      searchDocuments: 'Search documents',
      noMore: 'No more documents.',
      noMatch: 'No document matches: search other words, or clear a filter.',
      firstPage: 'First page',
      nextPage: 'Next page',
      // Saved searches
      saved: 'Saved searches',
      noneSaved: 'None yet: search, then save it here under a name.',
      deleteSaved: 'Delete saved search {name}',
      delete: 'Delete',
      saveAs: 'Save this search as',
      save: 'Save',
      signInToSave: 'Sign in with a token to save searches.',
    },
    export: {
      label: 'Export this view',
      analystOnly: 'Exports need the analyst role.',
    },
  },
};

export type Labels = typeof en;
