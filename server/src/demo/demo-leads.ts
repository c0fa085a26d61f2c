import type { EntityManager } from '@mikro-orm/postgresql';
import { CompanySize, ProductCategory, RejectReason, RequestType } from '@slp/shared';
import { User } from '../auth/user.entity.js';
import { viewerOf } from '../auth/viewer.js';
import { InquiriesService } from '../inquiries/inquiries.service.js';
import { LeadsService } from '../leads/leads.service.js';
import { Lead } from '../leads/lead.entity.js';
import { AuthorizationsService } from '../authorizations/authorizations.service.js';

type Step = 'follow' | 'deal' | 'noAgreement' | 'sellerClose' | 'reject';

/** One request per step, each with its own shop, so every tab and filter has something to show. */
const shops: { step: Step; product: string; category: ProductCategory; size: CompanySize; budget: string }[] = [
  {
    step: 'deal',
    product: 'Matte lipstick',
    category: ProductCategory.BEAUTY_PERSONAL_CARE,
    size: CompanySize.EMPLOYEES_30_100,
    budget: '5000.00',
  },
  { step: 'follow', product: 'Collagen gummies', category: ProductCategory.HEALTH, size: CompanySize.EMPLOYEES_5_30, budget: '2500.00' },
  {
    step: 'noAgreement',
    product: 'Linen dresses',
    category: ProductCategory.WOMENSWEAR,
    size: CompanySize.EMPLOYEES_0_5,
    budget: '1200.00',
  },
  {
    step: 'sellerClose',
    product: 'Sheet masks',
    category: ProductCategory.BEAUTY_PERSONAL_CARE,
    size: CompanySize.EMPLOYEES_100_500,
    budget: '9000.00',
  },
  {
    step: 'reject',
    product: 'Hair dryer',
    category: ProductCategory.BEAUTY_PERSONAL_CARE,
    size: CompanySize.EMPLOYEES_0_5,
    budget: '300.00',
  },
];

/**
 * Works the demo partner's leads through the same services the API uses, so its tabs show a lead in
 * every status with a real history: following, a deal by the seller's authorization, no agreement,
 * closed by the seller and rejected (besides the NEW ones from the other demo requests).
 */
export async function demoLeadProgress(em: EntityManager, seller: User, partnerEmail: string, serviceId: number): Promise<void> {
  const member = await em.findOneOrFail(User, { email: partnerEmail }, { populate: ['partner'] });
  const sellerViewer = viewerOf(seller);
  const partnerViewer = viewerOf(member);
  const leads = new LeadsService(em);
  const leadIds = new Map<Step, number>();
  for (const shop of shops) {
    const { inquiry } = await new InquiriesService(em).submit(sellerViewer, {
      contactName: 'Dana Seller',
      contactEmail: 'dana@glowbeauty.test',
      location: 'Austin, US',
      currency: 'USD',
      companySize: shop.size,
      shopGmv: '25000.00',
      budget: shop.budget,
      productCategory: shop.category,
      hotSaleProduct: shop.product,
      requestType: RequestType.TARGET,
      targetServiceIds: [serviceId],
    });
    const lead = await em.findOneOrFail(Lead, { inquiry, partner: member.partner! });
    leadIds.set(shop.step, lead.id);
  }
  const id = (step: Step) => leadIds.get(step)!;
  // The deal first: granting matches every lead the partner follows for this seller at that moment.
  await leads.follow(partnerViewer, id('deal'));
  await new AuthorizationsService(em).grant(sellerViewer, member.partner!.id);
  for (const step of ['follow', 'noAgreement', 'sellerClose'] as const) await leads.follow(partnerViewer, id(step));
  await leads.markNoAgreement(partnerViewer, {
    leadId: id('noAgreement'),
    note: 'The seller wanted weekly live sessions we cannot staff.',
  });
  await new InquiriesService(em).closeLead(sellerViewer, id('sellerClose'));
  await leads.reject(partnerViewer, {
    leadId: id('reject'),
    reason: RejectReason.BUDGET_TOO_LOW,
    note: 'Below our minimum monthly retainer.',
  });
}
