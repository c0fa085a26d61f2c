/** SQL text with its `?` placeholders' values, in order. */
export interface Sql {
  sql: string;
  params: unknown[];
}

/** Conditions joined by AND, each with its own values. */
export class SqlConditions {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  all(): Sql {
    return { sql: this.parts.length ? this.parts.join(' and ') : 'true', params: this.params };
  }
}
