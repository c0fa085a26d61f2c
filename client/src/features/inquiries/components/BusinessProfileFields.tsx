import { useFormContext } from 'react-hook-form';
import { CompanySize, ProductCategory, currencyCodes, limits } from '@slp/shared';
import { SelectField, TextAreaField, TextField } from '../../../components/fields';
import { companySizeLabel, enumValues, humanize, languageName } from '../../../lib/labels';

/** The request form's editable fields as strings, the way inputs hold them. */
export interface BusinessProfileForm {
  contactName: string;
  location: string;
  language: string;
  companySize: string;
  currency: string;
  shopGmv: string;
  otherChannelsGmv: string;
  budget: string;
  productCategory: string;
  hotSaleProduct: string;
  otherDetails: string;
}

export const businessProfileKeys = [
  'contactName',
  'location',
  'language',
  'companySize',
  'currency',
  'shopGmv',
  'otherChannelsGmv',
  'budget',
  'productCategory',
  'hotSaleProduct',
  'otherDetails',
] as const satisfies readonly (keyof BusinessProfileForm)[];

export const optionalProfileKeys = ['location', 'language', 'otherChannelsGmv', 'hotSaleProduct', 'otherDetails'] as const;

export const emptyBusinessProfile: BusinessProfileForm = {
  contactName: '',
  location: '',
  language: '',
  companySize: '',
  currency: 'USD',
  shopGmv: '',
  otherChannelsGmv: '',
  budget: '',
  productCategory: '',
  hotSaleProduct: '',
  otherDetails: '',
};

const companySizes = enumValues(CompanySize).map((value) => ({ value, label: companySizeLabel(value) }));
const categories = enumValues(ProductCategory).map((value) => ({ value, label: humanize(value) }));
const currencyOptions = currencyCodes.map((value) => ({ value, label: value }));
/** Languages partners work in most; the API takes any two-letter ISO 639-1 code. */
const languages = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja', 'ko', 'id', 'ms', 'th', 'vi', 'ar'].map((value) => ({
  value,
  label: languageName(value),
}));

/** Contact and business-profile inputs, shared by the request form and the edit form. */
export function BusinessProfileFields({ contactEmail }: { contactEmail?: React.ReactNode }) {
  const {
    register,
    formState: { errors },
  } = useFormContext<BusinessProfileForm>();
  const error = (key: keyof BusinessProfileForm) => errors[key]?.message;
  const money = { inputMode: 'decimal' as const, autoComplete: 'off' };
  return (
    <>
      <fieldset>
        <legend>Contact information</legend>
        <TextField
          label="Contact name"
          required
          hint="Who partners should ask for"
          autoComplete="name"
          maxLength={limits.name}
          registration={register('contactName')}
          error={error('contactName')}
        />
        {contactEmail}
        <TextField
          label="Location"
          hint="Where you would meet a partner offline, if ever"
          maxLength={limits.location}
          registration={register('location')}
          error={error('location')}
        />
        <SelectField
          label="Preferred language"
          placeholder="No preference"
          options={languages}
          registration={register('language')}
          error={error('language')}
        />
      </fieldset>
      <fieldset>
        <legend>Business profile</legend>
        <SelectField
          label="Company size"
          required
          placeholder="Choose…"
          options={companySizes}
          registration={register('companySize')}
          error={error('companySize')}
        />
        <SelectField
          label="Currency"
          required
          options={currencyOptions}
          hint="Every amount below is in this currency"
          registration={register('currency')}
          error={error('currency')}
        />
        <TextField
          label="TikTok Shop sales GMV"
          required
          hint="Average per month"
          {...money}
          registration={register('shopGmv')}
          error={error('shopGmv')}
        />
        <TextField
          label="Sales GMV from other channels"
          hint="Total per month"
          {...money}
          registration={register('otherChannelsGmv')}
          error={error('otherChannelsGmv')}
        />
        <TextField
          label="Budget"
          required
          hint="What you would pay a partner per month"
          {...money}
          registration={register('budget')}
          error={error('budget')}
        />
        <SelectField
          label="Product category"
          required
          placeholder="Choose…"
          options={categories}
          registration={register('productCategory')}
          error={error('productCategory')}
        />
        <TextField
          label="Hot sale product"
          maxLength={limits.hotSaleProduct}
          registration={register('hotSaleProduct')}
          error={error('hotSaleProduct')}
        />
        <TextAreaField
          label="Other details"
          maxLength={limits.otherDetails}
          registration={register('otherDetails')}
          error={error('otherDetails')}
        />
      </fieldset>
    </>
  );
}
