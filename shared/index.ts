export * from './reply.js';
export * from './sites.js';
export * from './units.js';
export * from './positions.js';
export * from './feed.js';
export * from './incidents.js';
export * from './auth.js';
export * from './config.js';
