import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../request/context.js';
import { fromGlobalId, Node } from '../graphql/node.js';
import { User } from '../auth/user.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { PartnerReview } from '../reviews/partner-review.entity.js';
import { WebhookEndpoint } from '../webhooks/webhook.entity.js';

/** Loads any node by its global ID; the visibility rules then decide whether the viewer gets it. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID, or null when it is missing or hidden from the viewer.' })
  async node(
    @Arg('id', () => ID, { description: "The global ID, as every object's `id` field gives it." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    const { loaders, em } = ctx;
    switch (parsed.type) {
      case 'Inquiry':
        return loaders.inquiry.get(parsed.id);
      case 'Partner':
        return loaders.partner.get(parsed.id);
      case 'Service':
        return loaders.service.get(parsed.id);
      case 'SellerAuthorization':
        return loaders.authorization.get(parsed.id);
      case 'Lead':
        return em.findOne(Lead, parsed.id);
      case 'User':
        return em.findOne(User, parsed.id);
      case 'PartnerReview':
        return em.findOne(PartnerReview, parsed.id);
      case 'WebhookEndpoint':
        return em.findOne(WebhookEndpoint, parsed.id);
      default:
        return null;
    }
  }
}
