import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLNamedType,
} from 'graphql';
import { repoRoot } from '../paths.js';
import { printedSchema, schemaFile } from './print-schema.js';

/** The contract lives in shared/ beside the repository; a copy is kept for clones without it. */
function contractText(): string {
  const shared = path.join(repoRoot, '../shared/CONTRACT.graphql');
  return fs.readFileSync(fs.existsSync(shared) ? shared : path.join(repoRoot, 'docs/CONTRACT.graphql'), 'utf8');
}

/**
 * Parts of the contract that later issues build; each entry must disappear once its part exists
 * (the test fails if a listed part is already in the schema).
 */
const notYetBuilt: Record<string, string> = {};

/** The type and each of its fields, arguments and values that have no description, by schema coordinate. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      const args: readonly GraphQLArgument[] = 'args' in field ? field.args : [];
      missing.push(...args.filter((arg) => !arg.description).map((arg) => `${type.name}.${field.name}(${arg.name}:)`));
    }
  }
  if (isEnumType(type)) {
    missing.push(
      ...type
        .getValues()
        .filter((value) => !value.description)
        .map((value) => `${type.name}.${value.name}`),
    );
  }
  return missing;
}

describe('schema.graphql', () => {
  it('is the printed copy of the code-first schema', async () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(await printedSchema());
  });

  it('drops, renames or loosens nothing the contract names', async () => {
    const contract = buildSchema(contractText());
    const ours = buildSchema(await printedSchema());
    const breaking = findBreakingChanges(contract, ours).map((change) => change.description);
    const unexpected = breaking.filter((description) => !Object.keys(notYetBuilt).some((part) => description.startsWith(part)));
    expect(unexpected).toEqual([]);
    const builtButListed = Object.keys(notYetBuilt).filter((part) => !breaking.some((d) => d.startsWith(part)));
    expect(builtButListed).toEqual([]);
  });

  // The GraphQL IDE is the API's documentation: everything it lists must say what it means.
  it('documents every type, field, argument and enum value', async () => {
    const types = Object.values(buildSchema(await printedSchema()).getTypeMap()).filter(
      (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
    );
    expect(types.flatMap(undocumented)).toEqual([]);
  });
});
