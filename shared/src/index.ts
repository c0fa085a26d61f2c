export * from './enums.js';
export * from './currencies.js';
export * from './money.js';
export * from './validation.js';
export * from './lead-lifecycle.js';
