import type { EntityManager } from '@mikro-orm/postgresql';
import { CompanySize, PartnerStatus, ProductCategory, RequestType, Role, ServiceType } from '@slp/shared';
import { AuthService } from '../auth/auth.service.js';
import { User } from '../auth/user.entity.js';
import { viewerOf } from '../auth/viewer.js';
import { Partner } from '../partners/partner.entity.js';
import { Service } from '../partners/service.entity.js';
import { InquiriesService } from '../inquiries/inquiries.service.js';
import { demoLeadProgress } from './demo-leads.js';

export const DEMO_PASSWORD = 'demo-password';
export const demoLogins = {
  seller: 'seller@demo.test',
  operator: 'operator@demo.test',
  partner: 'partner@demo.test',
};

interface DemoPartner {
  name: string;
  email: string;
  location: string;
  languages: string[];
  services: { title: string; type: ServiceType; categories: ProductCategory[]; from: string; to: string; public: boolean }[];
}

const partners: DemoPartner[] = [
  {
    name: 'Brightlane Commerce',
    email: demoLogins.partner,
    location: 'Los Angeles, US',
    languages: ['en', 'es'],
    services: [
      {
        title: 'Full-service TikTok Shop management',
        type: ServiceType.STORE_MANAGEMENT,
        categories: [ProductCategory.BEAUTY_PERSONAL_CARE, ProductCategory.HEALTH],
        from: '1500',
        to: '6000',
        public: true,
      },
      {
        title: 'Live shopping studio',
        type: ServiceType.LIVE_STREAMING,
        categories: [ProductCategory.BEAUTY_PERSONAL_CARE, ProductCategory.WOMENSWEAR],
        from: '2000',
        to: '9000',
        public: true,
      },
      {
        title: 'Enterprise account care (invite only)',
        type: ServiceType.CUSTOMER_SERVICE,
        categories: [ProductCategory.PHONES_ELECTRONICS],
        from: '5000',
        to: '20000',
        public: false,
      },
    ],
  },
  {
    name: 'Creator Bridge Agency',
    email: 'creators@demo.test',
    location: 'New York, US',
    languages: ['en'],
    services: [
      {
        title: 'Creator matchmaking and affiliate campaigns',
        type: ServiceType.CREATOR_MARKETING,
        categories: [ProductCategory.WOMENSWEAR, ProductCategory.FASHION_ACCESSORIES, ProductCategory.SHOES],
        from: '1000',
        to: '5000',
        public: true,
      },
      {
        title: 'Short video production',
        type: ServiceType.CONTENT_CREATION,
        categories: [ProductCategory.HOME_SUPPLIES, ProductCategory.KITCHENWARE],
        from: '800',
        to: '3000',
        public: true,
      },
      {
        title: 'Shop setup for fashion and beauty brands',
        type: ServiceType.STORE_MANAGEMENT,
        categories: [ProductCategory.WOMENSWEAR, ProductCategory.BEAUTY_PERSONAL_CARE],
        from: '1000',
        to: '4000',
        public: true,
      },
    ],
  },
  {
    name: 'Parcel Pilot Logistics',
    email: 'logistics@demo.test',
    location: 'Dallas, US',
    languages: ['en', 'zh'],
    services: [
      {
        title: 'Fulfilment and returns',
        type: ServiceType.LOGISTICS,
        categories: [ProductCategory.HOME_SUPPLIES, ProductCategory.FURNITURE, ProductCategory.SPORTS_OUTDOOR],
        from: '500',
        to: '4000',
        public: true,
      },
      {
        title: 'Ads performance sprint',
        type: ServiceType.ADS_MANAGEMENT,
        categories: [ProductCategory.SPORTS_OUTDOOR, ProductCategory.TOYS_HOBBIES],
        from: '1200',
        to: '4500',
        public: true,
      },
    ],
  },
  {
    name: 'Northwind Growth Labs',
    email: 'northwind@demo.test',
    location: 'Toronto, CA',
    languages: ['en', 'fr'],
    services: [
      {
        title: 'Ads management for consumer electronics',
        type: ServiceType.ADS_MANAGEMENT,
        categories: [ProductCategory.PHONES_ELECTRONICS, ProductCategory.COMPUTERS_OFFICE],
        from: '2500',
        to: '8000',
        public: true,
      },
      { title: 'Seller academy', type: ServiceType.TRAINING, categories: [ProductCategory.OTHER], from: '300', to: '1200', public: true },
      {
        title: 'Marketplace operations',
        type: ServiceType.STORE_MANAGEMENT,
        categories: [ProductCategory.PHONES_ELECTRONICS, ProductCategory.BEAUTY_PERSONAL_CARE],
        from: '2000',
        to: '7000',
        public: true,
      },
    ],
  },
];

/** Loads the demo world once, on a database that has no users yet. */
export async function loadDemoData(em: EntityManager): Promise<boolean> {
  if (await em.count(User, {})) return false;
  const auth = new AuthService(em);
  const seller = await auth.createUser({ email: demoLogins.seller, password: DEMO_PASSWORD, name: 'Dana Seller', role: Role.SELLER });
  await auth.createUser({ email: demoLogins.operator, password: DEMO_PASSWORD, name: 'Olu Operator', role: Role.OPERATOR });
  const services: Service[] = [];
  for (const [index, spec] of partners.entries()) {
    const partner = em.create(Partner, {
      name: spec.name,
      contactEmail: spec.email.replace('@', '+hello@'),
      location: spec.location,
      languages: spec.languages,
      status: PartnerStatus.ONBOARDED,
      capacity: 25,
    });
    for (const s of spec.services) {
      services.push(
        em.create(Service, {
          partner,
          title: s.title,
          serviceType: s.type,
          productCategories: s.categories,
          public: s.public,
          priceFromAmount: s.from,
          priceToAmount: s.to,
          currency: 'USD',
          description: `${s.title} by ${spec.name}.`,
        }),
      );
    }
    await auth.createUser({
      email: spec.email,
      password: DEMO_PASSWORD,
      name: `${spec.name.split(' ')[0]} Member`,
      role: Role.PARTNER,
      partner,
    });
    if (index === 0) {
      await auth.createUser({ email: 'partner2@demo.test', password: DEMO_PASSWORD, name: 'Second Member', role: Role.PARTNER, partner });
    }
  }
  const pending = em.create(Partner, {
    name: 'Pending Partners Co',
    contactEmail: 'pending+hello@demo.test',
    status: PartnerStatus.PENDING,
  });
  await auth.createUser({ email: 'pending@demo.test', password: DEMO_PASSWORD, name: 'Pat Pending', role: Role.PARTNER, partner: pending });
  await em.flush();
  await demoInquiries(
    em,
    seller,
    services.filter((s) => s.public),
  );
  await demoLeadProgress(em, seller, demoLogins.partner, services[0].id);
  return true;
}

async function demoInquiries(em: EntityManager, seller: User, services: Service[]) {
  const inquiries = new InquiriesService(em);
  const viewer = viewerOf(seller);
  const base = {
    contactName: 'Dana Seller',
    contactEmail: 'dana@glowbeauty.test',
    location: 'Austin, US',
    currency: 'USD',
    hotSaleProduct: 'Vitamin C serum',
    otherDetails: 'Launching a new skincare line this quarter.',
  };
  const profiles = [
    {
      companySize: CompanySize.EMPLOYEES_5_30,
      shopGmv: '42000.00',
      otherChannelsGmv: '15000.00',
      budget: '3000.00',
      productCategory: ProductCategory.BEAUTY_PERSONAL_CARE,
    },
    { companySize: CompanySize.EMPLOYEES_30_100, shopGmv: '120000.00', budget: '8000.00', productCategory: ProductCategory.WOMENSWEAR },
    { companySize: CompanySize.EMPLOYEES_0_5, shopGmv: '8000.00', budget: '900.00', productCategory: ProductCategory.HOME_SUPPLIES },
  ];
  for (const [index, profile] of profiles.entries()) {
    await inquiries.submit(viewer, {
      ...base,
      ...profile,
      requestType: RequestType.TARGET,
      targetServiceIds: services.slice(index, index + 4).map((s) => s.id),
    });
  }
  // OPEN requests: the platform assigns three fitting partners to the first; nobody offers jewellery
  // training, so the second waits in the operator's queue.
  await inquiries.submit(viewer, {
    ...base,
    ...profiles[0],
    language: 'en',
    requestType: RequestType.OPEN,
    serviceType: ServiceType.STORE_MANAGEMENT,
  });
  await inquiries.submit(viewer, {
    ...base,
    ...profiles[2],
    productCategory: ProductCategory.JEWELRY,
    hotSaleProduct: 'Silver rings',
    requestType: RequestType.OPEN,
    serviceType: ServiceType.TRAINING,
  });
}

/** Creates the operator named by OPERATOR_EMAIL / OPERATOR_PASSWORD unless it exists. */
export async function ensureOperator(em: EntityManager, operator: { email: string; password: string }): Promise<void> {
  if (await em.count(User, { email: operator.email.trim().toLowerCase() })) return;
  await new AuthService(em).createUser({ ...operator, name: 'Operator', role: Role.OPERATOR });
}
