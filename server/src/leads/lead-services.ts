import type { Loaders } from '../request/loaders.js';
import type { LeadRead } from './lead-reads.js';
import type { ServiceRead } from '../partners/partner-reads.js';

/**
 * Every service the seller chose from the lead's partner, the lead's own `service` first: a seller
 * who picks two services of one partner sends that partner one lead naming both. A platform-assigned
 * lead has the one service it was matched on.
 */
export async function servicesOfLead(loaders: Loaders, lead: LeadRead): Promise<ServiceRead[]> {
  const chosen = (await loaders.targetServices.load(lead.inquiry.id))
    .map((row) => row.service)
    .filter((service) => service.partner.id === lead.partner.id);
  const first = lead.service?.id;
  if (chosen.length) return chosen.sort((a, b) => Number(b.id === first) - Number(a.id === first) || a.id - b.id);
  const matched = first == null ? null : await loaders.service.get(first);
  return matched ? [matched] : [];
}
