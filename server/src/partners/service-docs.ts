/** Descriptions of a service's fields, shared by the Service type and the input publishing it. */
export const serviceDocs = {
  title: "The service's name.",
  description: 'What the partner offers, in its own words.',
  serviceType: 'The kind of work offered.',
  productCategories: 'Product categories the partner serves with it.',
  priceFrom: 'Indicative monthly price, lower end.',
  priceTo: 'Indicative monthly price, upper end.',
} as const;
