// The layers, lowest first; a layer imports only from those below it (and itself):
//   shared/  ←  server core (db/, graphql/ base)  ←  domain modules  ←  schema/ (the GraphQL assembly)  ←  app
// In the client, a feature imports only components/, lib/ and itself; app/ wires the features together.
import fs from 'node:fs';

const src = 'server/src';
export const domainModules = [
  'auth',
  'api-tokens',
  'authorizations',
  'deadlines',
  'inquiries',
  'leads',
  'limits',
  'matching',
  'notifications',
  'partners',
  'request',
  'reviews',
  'stats',
  'webhooks',
  'exports',
];
const core = [`${src}/graphql/**`, `${src}/db/!(orm|entities|create-migration).ts`, `${src}/@(domain-error|http-errors|paths).ts`];
const domains = domainModules.map((name) => `${src}/${name}/**`);
const assembly = [`${src}/schema/**`];
const app = [`${src}/@(app|main|config).ts`, `${src}/demo/**`, `${src}/db/@(orm|entities|create-migration).ts`];
const layerAbove = { core: [...domains, ...assembly, ...app], domain: [...assembly, ...app], assembly: app };

const zone = (target, from, message) => ({ target, from, message });
export const serverZones = [
  zone('shared/src/**', ['server/**', 'client/**'], 'shared/ is the bottom layer: it imports neither server nor client.'),
  zone(`${src}/**`, ['client/**'], 'The server never imports the client.'),
  ...core.map((target) =>
    zone(target, layerAbove.core, 'The server core (db/, graphql/ base) sits below every domain module: move the code down or pass it in.'),
  ),
  ...domains.map((target) => zone(target, layerAbove.domain, 'A domain module imports neither the schema assembly nor the app.')),
  ...assembly.map((target) => zone(target, layerAbove.assembly, 'The schema assembly does not import the app.')),
];

const features = fs
  .readdirSync('client/src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
export const clientZones = [
  zone('client/src/**', ['server/**'], 'The client talks to the server over GraphQL only.'),
  ...features.map((feature) =>
    zone(
      `client/src/features/${feature}/**`,
      [...features.filter((other) => other !== feature).map((other) => `client/src/features/${other}/**`), 'client/src/app/**'],
      'A feature imports only components/, lib/ and itself: move what two features share to components/ or lib/.',
    ),
  ),
  zone(
    ['client/src/components/**', 'client/src/lib/**'],
    ['client/src/features/**', 'client/src/app/**'],
    'components/ and lib/ sit below the features.',
  ),
];
