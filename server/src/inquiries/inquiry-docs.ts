/** Descriptions of the inquiry form's fields, shared by the Inquiry type and its inputs. */
export const inquiryDocs = {
  inquiryId: "The inquiry's global ID.",
  contactName: 'Contact name (the form\'s "Subject").',
  contactEmail: 'Where partners following the inquiry up write to the seller.',
  location: "Where the seller's business is, e.g. a country or city.",
  language: 'The language the seller wants to work in: a two-letter ISO 639-1 code such as en.',
  companySize: "How many employees the seller's company has.",
  currency: 'ISO 4217 code of every amount of the inquiry.',
  shopGmv: 'Average monthly GMV on TikTok Shop.',
  otherChannelsGmv: 'Monthly GMV on other channels.',
  budget: 'Monthly budget to pay a partner.',
  productCategory: 'What the seller mainly sells.',
  hotSaleProduct: "The seller's best-selling product.",
  otherDetails: 'Anything else the seller wants partners to know.',
  requestType: 'Whether the seller chose partners (TARGET) or asks the platform to find them (OPEN).',
} as const;
