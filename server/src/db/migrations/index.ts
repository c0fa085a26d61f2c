import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201104535 } from './Migration20261201104535.js';
import { Migration20261201120000 } from './Migration20261201120000.js';
import { Migration20261201130000 } from './Migration20261201130000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261202120000 } from './Migration20261202120000.js';
import { Migration20261203100000 } from './Migration20261203100000.js';
import { Migration20261201110000 } from './Migration20261201110000.js';
import { Migration20261201121500 } from './Migration20261201121500.js';
import { Migration20261126032119 } from './Migration20261126032119.js';
import { Migration20261126031025 } from './Migration20261126031025.js';
import { Migration20261125200000 } from './Migration20261125200000.js';
import { Migration20261125170717 } from './Migration20261125170717.js';
import { Migration20261125163553 } from './Migration20261125163553.js';
import { Migration20261125170500 } from './Migration20261125170500.js';
import { Migration20261125171800 } from './Migration20261125171800.js';
import { Migration20261125164502 } from './Migration20261125164502.js';
import { Migration20261125114314 } from './Migration20261125114314.js';
import { Migration20261125194500 } from './Migration20261125194500.js';

/** Every migration in order; new ones are appended by `pnpm --filter @slp/server migration:create`. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125114314', class: Migration20261125114314 },
  { name: 'Migration20261125163553', class: Migration20261125163553 },
  { name: 'Migration20261125164502', class: Migration20261125164502 },
  { name: 'Migration20261125170500', class: Migration20261125170500 },
  { name: 'Migration20261125170717', class: Migration20261125170717 },
  { name: 'Migration20261125171800', class: Migration20261125171800 },
  { name: 'Migration20261125194500', class: Migration20261125194500 },
  { name: 'Migration20261125200000', class: Migration20261125200000 },
  { name: 'Migration20261126031025', class: Migration20261126031025 },
  { name: 'Migration20261126032119', class: Migration20261126032119 },
  { name: 'Migration20261201104535', class: Migration20261201104535 },
  { name: 'Migration20261201110000', class: Migration20261201110000 },
  { name: 'Migration20261201120000', class: Migration20261201120000 },
  { name: 'Migration20261201121500', class: Migration20261201121500 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261201160000', class: Migration20261201160000 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261203100000', class: Migration20261203100000 },
];
