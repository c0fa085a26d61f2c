import { z } from 'zod';
import { currencyCodes, isCurrencyCode } from './currencies.js';
import { ApiTokenScope, CompanySize, ProductCategory, RequestType, ServiceType, PartnerStatus } from './enums.js';
import { moneyAmountProblem, compareAmounts } from './money.js';

/** Bounds that the form, the API and the database agree on. */
export const limits = {
  name: 100,
  email: 254,
  location: 100,
  hotSaleProduct: 200,
  otherDetails: 2000,
  passwordMin: 8,
  passwordMax: 128,
  targetServicesMax: 50,
  serviceTitle: 120,
  serviceDescription: 2000,
  organizationName: 120,
  rejectNote: 1000,
  operatorReason: 500,
  partnerDescription: 2000,
} as const;

/** C0 and C1 control characters except tab and line breaks, which multi-line text keeps. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Tab and line breaks: allowed in multi-line text only. */
const LINE_BREAKS = /[\t\n\r]/;
/** Bidirectional embeddings, overrides, isolates and marks: they can make a name read as another. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Characters that show nothing: zero-width spaces and joiners, soft hyphen, fillers, variation selectors, tags. */
/* eslint-disable no-misleading-character-class -- lone joiners and selectors are what it finds */
const INVISIBLE_CHARACTERS =
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u2064\u206A-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|[\u{E0000}-\u{E0FFF}]/gu;
/* eslint-enable no-misleading-character-class */

/** Refuses control characters (a NUL cannot even be stored); multi-line text keeps tabs and line breaks. */
function refuseControlCharacters(label: string, multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (CONTROL_CHARACTERS.test(value) || (!multiline && LINE_BREAKS.test(value))) {
      ctx.addIssue({ code: 'custom', message: `${label} must not contain control characters` });
    }
  };
}

/**
 * A name people read (of a person, an organisation, a service): NFKC-normalised, invisible characters
 * removed, and refused when it holds bidi controls or nothing visible is left.
 */
export function normalizedName(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE_CHARACTERS, '').trim();
}

const checkedText = (label: string, max: number, multiline: boolean) =>
  z.string().superRefine(refuseControlCharacters(label, multiline)).trim().max(max, `${label} must be at most ${max} characters`);
const optionalText = (label: string, max: number, multiline = false) =>
  checkedText(label, max, multiline)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const name = (label: string, max: number) =>
  z
    .string()
    .superRefine(refuseControlCharacters(label, false))
    .refine((value) => !BIDI_CONTROLS.test(value), `${label} must not contain text-direction control characters`)
    .transform(normalizedName)
    .pipe(z.string().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`));
const email = z.string().trim().toLowerCase().max(limits.email, 'Email is too long').pipe(z.email('Enter a valid email address'));
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, `Choose a supported currency (${currencyCodes.join(', ')})`);
/** An amount's own shape; its decimal places are checked against the currency on the whole object. */
const amount = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = value === '' ? 'Enter an amount' : moneyAmountProblem(value, '');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const signUpSellerRules = z.object({
  email,
  password: z
    .string()
    .superRefine(refuseControlCharacters('Password', false))
    .min(limits.passwordMin, `Password must be at least ${limits.passwordMin} characters`)
    .max(limits.passwordMax, `Password must be at most ${limits.passwordMax} characters`),
  name: name('Name', limits.name),
});
export const signUpPartnerRules = signUpSellerRules.extend({
  organizationName: name('Organization name', limits.organizationName),
  contactEmail: email,
});

/** Money fields of a business profile are checked against its currency. */
const moneyFields = ['shopGmv', 'otherChannelsGmv', 'budget'] as const;

/** The seller's business profile: every editable field of an inquiry. */
export const businessProfileShape = {
  contactName: name('Contact name', limits.name),
  location: optionalText('Location', limits.location),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, 'Give the language as a two-letter code, e.g. en')
    .optional()
    .nullable()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  companySize: z.enum(CompanySize, 'Choose a company size'),
  currency,
  shopGmv: amount,
  otherChannelsGmv: amount
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  budget: amount,
  productCategory: z.enum(ProductCategory, 'Choose a product category'),
  hotSaleProduct: optionalText('Hot sale product', limits.hotSaleProduct),
  otherDetails: optionalText('Other details', limits.otherDetails, true),
};

function checkMoney(value: Record<(typeof moneyFields)[number], string | null | undefined> & { currency: string }, ctx: z.RefinementCtx) {
  checkMoneyFields(value, moneyFields, value.currency, ctx);
}

function checkMoneyFields<F extends string>(
  value: Partial<Record<F, string | null>>,
  fields: readonly F[],
  currency: string,
  ctx: z.RefinementCtx,
) {
  for (const field of fields) {
    const given = value[field];
    // A malformed amount is already reported by its own field rule.
    if (given == null || moneyAmountProblem(given, '')) continue;
    const problem = moneyAmountProblem(given, currency);
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
  }
}

export const businessProfileRules = z.object(businessProfileShape).superRefine(checkMoney);
export type BusinessProfile = z.output<typeof businessProfileRules>;

export const submitInquiryRules = z
  .object({
    ...businessProfileShape,
    contactEmail: email,
    requestType: z.enum(RequestType, 'Choose a request type'),
    serviceType: z.enum(ServiceType, 'Choose a service type').optional().nullable(),
    targetServiceIds: z.array(z.string()).optional().nullable(),
    idempotencyKey: z
      .string()
      .superRefine(refuseControlCharacters('Idempotency key', false))
      .trim()
      .min(1, 'Idempotency key must not be empty')
      .max(100, 'Idempotency key must be at most 100 characters')
      .optional()
      .nullable(),
  })
  .superRefine((value, ctx) => {
    checkMoney(value, ctx);
    if (value.requestType === RequestType.OPEN) {
      if (!value.serviceType) ctx.addIssue({ code: 'custom', path: ['serviceType'], message: 'Choose the service type you want' });
      if (value.targetServiceIds?.length) {
        ctx.addIssue({ code: 'custom', path: ['targetServiceIds'], message: 'Services are chosen only for a targeted request' });
      }
      return;
    }
    const ids = value.targetServiceIds ?? [];
    if (ids.length === 0) ctx.addIssue({ code: 'custom', path: ['targetServiceIds'], message: 'Choose at least one service' });
    if (ids.length > limits.targetServicesMax) {
      ctx.addIssue({ code: 'custom', path: ['targetServiceIds'], message: `Choose at most ${limits.targetServicesMax} services` });
    }
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['targetServiceIds'], message: 'Each service can be chosen once' });
    }
    if (value.serviceType) {
      ctx.addIssue({ code: 'custom', path: ['serviceType'], message: 'A targeted request takes services, not a service type' });
    }
  });
export type SubmitInquiry = z.output<typeof submitInquiryRules>;

export const publishServiceRules = z
  .object({
    title: name('Title', limits.serviceTitle),
    description: optionalText('Description', limits.serviceDescription, true),
    serviceType: z.enum(ServiceType, 'Choose a service type'),
    public: z.boolean(),
    productCategories: z
      .array(z.enum(ProductCategory))
      .min(1, 'Choose at least one product category')
      .refine((list) => new Set(list).size === list.length, 'Each category can be chosen once'),
    priceFrom: amount
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    priceTo: amount
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((value, ctx) => {
    const priced = value.priceFrom != null || value.priceTo != null;
    if (!priced) return;
    if (!value.currency || !isCurrencyCode(value.currency)) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'A priced service needs a supported currency' });
      return;
    }
    checkMoneyFields(value as never, ['priceFrom', 'priceTo'], value.currency, ctx);
    if (
      value.priceFrom &&
      value.priceTo &&
      !moneyAmountProblem(value.priceFrom, value.currency) &&
      !moneyAmountProblem(value.priceTo, value.currency) &&
      compareAmounts(value.priceFrom, value.priceTo) > 0
    ) {
      ctx.addIssue({ code: 'custom', path: ['priceTo'], message: 'The upper price must not be below the lower price' });
    }
  });

export const rejectLeadRules = z.object({
  note: optionalText('Note', limits.rejectNote, true),
});

/**
 * An operator's reason for suspending a partner or taking a lead back: plain text the partner's
 * members read. The API takes it optionally (older callers send none); the SPA asks for it.
 */
export const operatorReasonRules = z.object({
  reason: optionalText('Reason', limits.operatorReason, true),
});
/** The SPA's confirmation dialogs: the same bounds, and a reason is required. */
export const operatorReasonFormRules = z.object({
  reason: checkedText('Reason', limits.operatorReason, true).min(1, 'Give a reason: the partner sees it'),
});

/** What a partner's members write about it on its public page. */
export const partnerProfileRules = z.object({
  description: optionalText('Description', limits.partnerDescription, true),
});

/** A partner names each API token so its members know which dashboard uses it. */
export const createApiTokenRules = z.object({
  name: name('Token name', 60),
  scope: z.enum(ApiTokenScope, 'Choose what the token may do'),
});

export const partnerStatusValues = Object.values(PartnerStatus);

/** A validation failure as the API reports it: the input field's path and a sentence. */
export interface FieldProblem {
  field: string[];
  message: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String), message: issue.message }));
}

/** Parses a value against shared rules: the parsed value, or every field problem at once. */
export function checkRules<T>(rules: z.ZodType<T>, value: unknown): { data: T; problems?: undefined } | { problems: FieldProblem[] } {
  const result = rules.safeParse(value);
  return result.success ? { data: result.data } : { problems: fieldProblems(result.error) };
}
