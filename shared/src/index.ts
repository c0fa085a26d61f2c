export * from './enums.js';
export * from './currencies.js';
export * from './money.js';
export * from './money-format.js';
export * from './validation.js';
export * from './lead-lifecycle.js';
export * from './review-rules.js';
export * from './search.js';
