/**
 * How long a partner has to answer a new lead: LEAD_RESPONSE_HOURS (default 48; fractions allowed,
 * so tests can use seconds). Read when a lead is made, so a test process can set it before it starts.
 */
export function responseWindowHours(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.LEAD_RESPONSE_HOURS;
  if (value === undefined || value === '') return 48;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`LEAD_RESPONSE_HOURS must be a positive number of hours, not "${value}"`);
  return hours;
}

/** When a lead given to a partner at `from` is due an answer. */
export function responseDueAt(from: Date): Date {
  return new Date(from.getTime() + responseWindowHours() * 3_600_000);
}
