export * from './centre-kind.js';
export * from './error-code.js';
export * from './language.js';
export * from './role.js';
export * from './policy.js';
export * from './network.js';
export * from './reporting.js';
export * from './report-figures.js';
