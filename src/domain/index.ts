export * from './ontology.js';
export * from './document.js';
export * from './attribution.js';
export * from './event-origins.js';
export type * from './mention.js';
export * from './errors.js';
export type * from './signals.js';
