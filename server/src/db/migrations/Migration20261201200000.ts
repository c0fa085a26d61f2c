import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 21: the services that list a product category, so matching on submit reads the few partners
 * it may assign (through a BitmapAnd with the service type's index) instead of every service of the type.
 */
export class Migration20261201200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "services_product_categories_index" on "services" using gin ("product_categories");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "services_product_categories_index";`);
  }
}
