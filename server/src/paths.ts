import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, for files the server reads or writes beside the code (schema.graphql, client/dist, .data). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
