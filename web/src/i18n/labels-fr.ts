/** French labels: code words from data/labels/fr.json, the same shape as labels-en.ts (the `Labels` type checks every key). */
import codes from '../../../data/labels/fr.json' with { type: 'json' };
import type { CodeLabels, Labels } from './labels-en.js';

const frCodes: CodeLabels = codes;

export const fr: Labels = {
  ...frCodes,
  edgeKind: { asserted: 'affirmé', hedged: 'non confirmé ou prévu', denied: 'démenti' },
  ui: {
    nav: {
      overview: 'Vue d’ensemble',
      events: 'Événements',
      alerts: 'Alertes',
      sources: 'Sources',
    },
    skip: 'Aller au contenu',
    signOut: 'Se déconnecter',
    tokenHint: 'Sur le serveur, créez un utilisateur puis son jeton :',
    tokenKept: 'Le jeton reste dans cet onglet.',
    tokenRefused: 'Ce jeton a été refusé : {reason}.',
    login: {
      tagline: 'Alerte précoce sur la prolifération nucléaire et balistique.',
      token: 'Jeton d’API',
      signIn: 'Se connecter',
      anonymous: 'Continuer sans jeton (lecture seule)',
    },
    latestAlerts: 'Dernières alertes',
    openCount: '{n} ouvertes',
    allAlerts: 'Toutes les alertes',
    activity: 'Activité',
    trajectory: 'Trajectoire (jusqu’à un an)',
    evidence: 'Indices',
    olderSteps: 'Les étapes plus anciennes ne sont pas affichées.',
    independentSources: '{n} source(s) indépendante(s)',
    indicators: {
      title: 'Indicateurs',
      help: 'RV : combien un événement correspondant est plus probable si l’hypothèse est vraie (au-dessus de 1 il la renforce, en dessous il l’affaiblit). Contribution : le total apporté, en log-cotes.',
      indicator: 'Indicateur',
      lrPresent: 'RV si observé',
      lrAbsent: 'RV si silence',
      steps: 'Étapes',
      contribution: 'Contribution (log-cotes)',
    },
    timelineTitle: 'Chronologie des événements par type (premier article)',
    columns: {
      date: 'Date',
      type: 'Type',
      actors: 'Acteurs',
      modality: 'Modalité',
      capabilities: 'Capacités',
      mentions: 'Mentions',
      independentSources: 'Sources indépendantes',
      credibility: 'Crédibilité',
    },
    filters: {
      type: 'type',
      capability: 'capacité',
      modality: 'modalité',
      any: 'tous',
      actor: 'acteur',
      language: 'langue',
      since: 'depuis',
      until: 'jusqu’au',
      apply: 'Appliquer',
      clear: 'Effacer',
      count: '{n} événements',
      countMore: '{n}+ événements (les {limit} premiers affichés)',
      timeline: 'Chronologie',
      network: 'Réseau d’acteurs',
      map: 'Carte des transferts et déploiements',
      list: 'Liste',
    },
    firstEventTitle: 'Premier événement « {type} » : {pair}',
    language: 'Langue',
    loading: 'Chargement…',
    retry: 'Réessayer',
    backToOverview: 'Retour à la vue d’ensemble',
    notFound: 'Page introuvable',
    notFoundText: 'Cette page n’existe pas.',
    error: {
      network: 'Le serveur ne répond pas. Vérifiez que `vigie serve` (ou la démo) tourne toujours.',
      unauthorized:
        'Votre connexion n’est plus acceptée (le jeton a peut-être expiré). Reconnectez-vous.',
      forbidden: 'Votre rôle ne le permet pas : il faut le rôle analyste (ou admin).',
      notFound: 'Cet élément n’existe pas : il a peut-être été supprimé, ou le lien est erroné.',
      badRequest: 'Le serveur n’a pas accepté la requête :',
      tooMany: 'Trop de requêtes en peu de temps. Attendez quelques secondes, puis réessayez.',
      server:
        'Le serveur a échoué. Réessayez ; si l’erreur persiste, consultez le journal du serveur.',
      details: 'Détails',
    },
    credibilityWord: 'crédibilité',
    credibilityScale:
      'Crédibilité (échelle de l’Amirauté) : 1 confirmée, 2 probablement vraie, 3 peut-être vraie, 4 douteuse, 5 improbable, 6 ne peut être évaluée.',
    silence: 'Silence',
    silenceText:
      'aucun événement correspondant depuis {days} jours : le silence abaisse la probabilité',
    raised: 'l’a portée de {before} à {after}',
    lowered: 'l’a ramenée de {before} à {after}',
    unchanged: 'l’a laissée à {after}',
    noChange: 'Aucun changement depuis la probabilité initiale ({prior}).',
    noBoards:
      'Aucun tableau de veille. Ils se trouvent dans data/watchboards/ (ou la liste `watchboards:` de vigie.yaml) ; `npx vigie board` les évalue.',
    noAlerts:
      'Aucune alerte. Une alerte apparaît quand une règle de vigie.yaml se déclenche (docs/alerts.md) ; `npx vigie demo` ajoute deux règles.',
    noOpenAlerts:
      'Aucune alerte ouverte : tout a été pris en compte. Cochez « Afficher aussi les alertes prises en compte ».',
    noSources:
      'Aucune source. Un admin ajoute un flux avec `npx vigie source add URL` ; les documents ingérés depuis des fichiers (`npx vigie ingest FICHIER`) sont comptés par média sur la vue d’ensemble.',
    noEvents:
      'Aucun événement ne correspond à ces filtres. Élargissez les dates ou retirez un filtre.',
    noEventsAtAll:
      'Aucun événement : ingérez des articles avec `npx vigie ingest FICHIER` ou essayez `npx vigie demo`.',
    clearFilters: 'Retirer les filtres',
    noPairs:
      'Aucun événement entre deux acteurs avec ces filtres : le réseau a besoin d’une source et d’une cible.',
    noFlows: 'Aucun transfert ni déploiement entre deux États de la région avec ces filtres.',
    noEvidence:
      'Pas encore d’indice : l’hypothèse évolue quand des événements correspondants sont ingérés et analysés.',
    noTrajectory: 'Pas encore de trajectoire : elle apparaît une fois le tableau évalué.',
    nothingYet: 'Rien sur cette période.',
    activityTotals: '{documents} documents, {mentions} mentions, {events} événements en base.',
    activityWindow: 'Les barres comptent les documents publiés du {from} au {to}.',
    byLanguage: 'Par langue',
    bySource: 'Par source',
    sparkline: '30 derniers jours ; la ligne grise marque 50 %',
    chart: {
      probability: 'probabilité',
      evidenceStep: 'indice (hausse ou baisse)',
      silenceStep: 'silence',
      timelineSize: 'taille du point : nombre de mentions',
      cooperation: 'coopération',
      conflict: 'conflit',
      solo: 'un seul acteur (essai, lancement, développement)',
    },
    network: {
      title:
        'Paires d’acteurs : l’épaisseur compte les événements, la couleur dit si les articles les affirment, les nuancent ou les démentent',
      width: 'épaisseur : événements',
      pair: 'Paire',
      events: 'Événements',
    },
    map: {
      title: 'Transferts et déploiements entre États, de l’Asie de l’Est à l’Europe de l’Est',
      weight: 'épaisseur : sources indépendantes (cumulées sur les événements)',
      shade: 'teinte : événements impliquant l’État',
      flow: '{from} → {to} : {events} événement(s), {sources} source(s) indépendante(s)',
      transfer: 'transfert',
      deployment: 'déploiement',
    },
    export: {
      label: 'Exporter cette vue',
      analystOnly: 'Les exports demandent le rôle analyste.',
    },
  },
};
