import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  port: number;
  /** A PostgreSQL server to use; unset starts an embedded one in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  demoData: boolean;
  operator?: { email: string; password: string };
  production: boolean;
  /** Serves the built SPA from here when it exists. */
  clientDist: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl,
    dataDir: path.resolve(repoRoot, env.DATA_DIR ?? '.data'),
    demoData: databaseUrl ? env.DEMO_DATA === '1' : env.DEMO_DATA !== '0',
    operator: env.OPERATOR_EMAIL && env.OPERATOR_PASSWORD
      ? { email: env.OPERATOR_EMAIL, password: env.OPERATOR_PASSWORD }
      : undefined,
    production: env.NODE_ENV === 'production',
    clientDist: path.resolve(repoRoot, 'client/dist'),
  };
}
