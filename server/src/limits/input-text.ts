import { visit, type DocumentNode } from 'graphql';
import { MAX_JSON_DEPTH } from '../http-errors.js';
import { limitError } from './limit-error.js';

const nulRefusal = () => limitError('BAD_USER_INPUT', 'Text must not contain NUL characters');

/**
 * A NUL in any text input is refused before anything runs: PostgreSQL cannot store one, and the
 * driver's inlined SQL would break on it. (The shared rules refuse every other control character
 * with a field error.) Variables deeper than the HTTP body's limit are refused too, as WebSocket
 * payloads skip that check.
 */
export function refuseBadVariables(variables: unknown): void {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string') {
      if (value.includes('\0')) throw nulRefusal();
    } else if (value && typeof value === 'object') {
      if (depth > MAX_JSON_DEPTH) throw limitError('BAD_REQUEST', `Variables nest deeper than ${MAX_JSON_DEPTH} levels`);
      for (const item of Object.values(value)) pending.push({ value: item, depth: depth + 1 });
    }
  }
}

/** The same refusal for string literals written in the document. */
export function nulInLiterals(document: DocumentNode) {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\0')) found = true;
    },
  });
  return found ? nulRefusal() : null;
}
