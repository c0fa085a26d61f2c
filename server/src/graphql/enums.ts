import { registerEnumType } from 'type-graphql';
import {
  CompanySize,
  ContactAccess,
  InquiryStatus,
  InquiryUpdateType,
  LeadAlertType,
  LeadCloseReason,
  LeadSource,
  LeadOrderField,
  LeadStatus,
  OrderDirection,
  PartnerStatus,
  ProductCategory,
  RejectReason,
  RequestType,
  Role,
  ServiceType,
  UserErrorCode,
} from '@slp/shared';

type Described<E extends object> = { description: string; values: Record<keyof E, string> };
const described = <E extends object>(_values: E, docs: Described<E>) => docs;

/** What each shared enum and each of its values means for the people using the product. */
const docs = {
  Role: described(Role, {
    description: 'What a user is on the platform.',
    values: {
      SELLER: 'A TikTok Shop seller who sends inquiries.',
      PARTNER: "A member of a service partner's team, working leads.",
      OPERATOR: 'Platform staff: manages partners and assigns open inquiries.',
    },
  }),
  CompanySize: described(CompanySize, {
    description: "How many employees the seller's company has.",
    values: {
      EMPLOYEES_0_5: '0 to 5 employees.',
      EMPLOYEES_5_30: '5 to 30 employees.',
      EMPLOYEES_30_100: '30 to 100 employees.',
      EMPLOYEES_100_500: '100 to 500 employees.',
      EMPLOYEES_500_PLUS: 'More than 500 employees.',
    },
  }),
  RequestType: described(RequestType, {
    description: 'How the seller wants partners found.',
    values: {
      TARGET: '"I know which partner I want": each chosen service\'s partner receives the inquiry directly.',
      OPEN: '"Refer me": the platform assigns fitting partners for one service type.',
    },
  }),
  InquiryStatus: described(InquiryStatus, {
    description: "Where the seller's inquiry stands.",
    values: {
      ACTIVE: 'Open: the seller can edit it and partners work its leads.',
      CLOSED: 'Closed by the seller: no edits, no new partners, every open lead closed.',
    },
  }),
  LeadStatus: described(LeadStatus, {
    description: "Where a partner's lead stands (the partner's tabs).",
    values: {
      NEW: 'Received, not acted on yet (New Opportunities).',
      FOLLOWING: "The partner follows up and sees the seller's contact details.",
      DEAL: 'The partner and the seller reached a deal, matched to a shop authorization. Final.',
      CLOSED: 'Ended without a deal: no agreement, closed by the seller or taken back by an operator.',
      REJECTED: "The partner turned it down and lost access to the seller's information. Final.",
    },
  }),
  LeadSource: described(LeadSource, {
    description: 'How the partner got the lead.',
    values: {
      SELLER_TARGETED: "The seller chose one of the partner's services.",
      PLATFORM_ASSIGNED: 'The platform (matching or an operator) assigned an open inquiry.',
    },
  }),
  LeadCloseReason: described(LeadCloseReason, {
    description: 'Why a lead was closed.',
    values: {
      NO_AGREEMENT: 'The partner could not reach an agreement with the seller.',
      SELLER_CLOSED: 'The seller closed the inquiry or this lead.',
      UNASSIGNED: 'An operator took the lead back before the partner acted on it.',
      EXPIRED: 'Nobody followed the platform-assigned lead up before its respondBy; the inquiry went to the next partner.',
    },
  }),
  RejectReason: described(RejectReason, {
    description: 'Why a partner turned a lead down; never shown to the seller.',
    values: {
      NO_CAPACITY: 'The partner has no room for more work now.',
      SERVICE_NOT_OFFERED: 'The partner does not offer the service asked for.',
      CATEGORY_NOT_SERVED: "The partner does not serve the seller's product category.",
      LOCATION_NOT_SERVED: "The partner does not serve the seller's location.",
      BUDGET_TOO_LOW: "The seller's budget is below the partner's prices.",
      OTHER: 'Another reason, told in the note.',
    },
  }),
  ContactAccess: described(ContactAccess, {
    description: "Why the inquiry's contact details are or are not shown to this viewer.",
    values: {
      VISIBLE: 'Shown: the viewer owns the inquiry, operates the platform or follows it up.',
      LOCKED: 'Hidden until the partner follows the lead up.',
      REVOKED: 'Hidden for good: the lead was rejected or closed.',
      PARTNER_NOT_ONBOARDED: "Hidden while the viewer's partner is pending or suspended; shown again once it is onboarded.",
    },
  }),
  PartnerStatus: described(PartnerStatus, {
    description: 'Whether a partner can work on the platform.',
    values: {
      PENDING: 'Signed up, waiting for an operator to onboard it.',
      ONBOARDED: 'Active: its public services are listed and it receives leads.',
      SUSPENDED: 'Stopped by an operator: hidden from the directory, receives no new leads.',
    },
  }),
  ServiceType: described(ServiceType, {
    description: 'The kind of work a service partner offers.',
    values: {
      STORE_MANAGEMENT: 'Runs the TikTok Shop store.',
      CONTENT_CREATION: 'Produces videos and other content.',
      LIVE_STREAMING: 'Hosts live selling streams.',
      CREATOR_MARKETING: 'Works with creators and affiliates.',
      ADS_MANAGEMENT: 'Plans and runs paid ads.',
      CUSTOMER_SERVICE: "Answers the shop's customers.",
      LOGISTICS: 'Stores, packs and ships orders.',
      TECHNOLOGY: 'Builds and connects software and tools.',
      TRAINING: "Trains the seller's team.",
    },
  }),
  ProductCategory: described(ProductCategory, {
    description: 'What the seller sells, as TikTok Shop categories.',
    values: {
      AUTOMOTIVE: 'Automotive and motorcycle.',
      BABY_MATERNITY: 'Baby and maternity.',
      BEAUTY_PERSONAL_CARE: 'Beauty and personal care.',
      BOOKS_MEDIA: 'Books, magazines and audio.',
      COLLECTIBLES: 'Collectibles.',
      COMPUTERS_OFFICE: 'Computers and office equipment.',
      FASHION_ACCESSORIES: 'Fashion accessories.',
      FOOD_BEVERAGES: 'Food and beverages.',
      FURNITURE: 'Furniture.',
      HEALTH: 'Health.',
      HOME_IMPROVEMENT: 'Tools and home improvement.',
      HOME_SUPPLIES: 'Home supplies.',
      JEWELRY: 'Jewelry.',
      KITCHENWARE: 'Kitchenware.',
      LUGGAGE_BAGS: 'Luggage and bags.',
      MENSWEAR: 'Menswear and underwear.',
      OTHER: 'Anything else.',
      PET_SUPPLIES: 'Pet supplies.',
      PHONES_ELECTRONICS: 'Phones and electronics.',
      SHOES: 'Shoes.',
      SPORTS_OUTDOOR: 'Sports and outdoor.',
      TOYS_HOBBIES: 'Toys and hobbies.',
      WOMENSWEAR: 'Womenswear and underwear.',
    },
  }),
  LeadAlertType: described(LeadAlertType, {
    description: "What happened to one of the partner's leads.",
    values: {
      NEW_LEAD: 'The partner received a new lead.',
      SELLER_CLOSED: 'The seller closed the inquiry or this lead.',
      INQUIRY_UPDATED: "The seller edited the lead's inquiry.",
      LEAD_EXPIRING: 'A platform-assigned lead nobody has followed up yet is close to its respondBy.',
      LEAD_UPDATED: 'Someone else changed the lead (the seller authorized the partner, an operator took it back…): refresh it.',
    },
  }),
  LeadOrderField: described(LeadOrderField, {
    description: 'What a tab of leads is ordered by; ties are broken by the lead, so pages neither skip nor repeat.',
    values: {
      RECEIVED: 'When the partner received the lead.',
      BUDGET: "The seller's monthly budget (in the inquiry's currency).",
      SHOP_GMV: "The seller's TikTok Shop monthly GMV (in the inquiry's currency).",
      COMPANY_SIZE: "The seller's company size, smallest first when ascending.",
    },
  }),
  OrderDirection: described(OrderDirection, {
    description: 'Which way an order runs.',
    values: { ASC: 'Smallest or oldest first.', DESC: 'Largest or newest first.' },
  }),
  InquiryUpdateType: described(InquiryUpdateType, {
    description: "What a partner did with one of the seller's inquiries.",
    values: {
      FOLLOWED: 'A partner follows the inquiry up.',
      REJECTED: 'A partner turned it down (the reason stays with the partner).',
      DEAL: 'A deal was reached with a partner.',
      NO_AGREEMENT: 'A partner could not reach an agreement.',
    },
  }),
  UserErrorCode: described(UserErrorCode, {
    description: 'Why a mutation was refused.',
    values: {
      INVALID: 'A field is missing or malformed; see the field path.',
      NOT_FOUND: 'The object does not exist or the viewer may not see it.',
      FORBIDDEN: 'The viewer may not do this.',
      NOT_EDITABLE: 'The field cannot be changed after submitting.',
      INVALID_TRANSITION: 'The object is in a state that does not allow this action.',
      CONFLICT: 'Someone changed it at the same time, or it already exists; reload and try again.',
      LIMIT_EXCEEDED: 'Over a limit (capacity, count or rate).',
      UNAUTHENTICATED: 'Log in first.',
    },
  }),
};

/** The shared enums, exposed under the contract's names. */
const enums = {
  Role,
  CompanySize,
  RequestType,
  InquiryStatus,
  LeadStatus,
  LeadSource,
  LeadCloseReason,
  RejectReason,
  ContactAccess,
  PartnerStatus,
  ServiceType,
  ProductCategory,
  LeadAlertType,
  InquiryUpdateType,
  UserErrorCode,
  LeadOrderField,
  OrderDirection,
};

for (const [name, values] of Object.entries(enums)) {
  const { description, values: valueDocs } = docs[name as keyof typeof docs];
  const valuesConfig = Object.fromEntries(Object.entries(valueDocs).map(([value, text]) => [value, { description: text }]));
  registerEnumType(values, { name, description, valuesConfig });
}
