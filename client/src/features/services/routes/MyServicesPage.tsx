import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from '@apollo/client/react';
import { ProductCategory, ServiceType, currencyCodes, limits, publishServiceRules } from '@slp/shared';
import type { z } from 'zod';
import { FormError, SelectField, TextAreaField, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { Empty, queryState } from '../../../components/status';
import { useToast } from '../../../components/toasts';
import type { PublishServiceInput } from '../../../gql/graphql';
import { applyUserErrors } from '../../../lib/form-errors';
import { enumValues, humanize } from '../../../lib/labels';
import { blankToNull, sharedRules } from '../../../lib/shared-rules';
import { ServiceCard } from '../../../components/ServiceCard';
import { MyServicesQuery, PublishServiceMutation } from '../api/operations';
import { PartnerProfileForm } from '../components/PartnerProfileForm';

interface ServiceForm {
  title: string;
  description: string;
  serviceType: string;
  public: boolean;
  productCategories: string[];
  priceFrom: string;
  priceTo: string;
  currency: string;
}
const fields = ['title', 'description', 'serviceType', 'public', 'productCategories', 'priceFrom', 'priceTo', 'currency'];
const empty: ServiceForm = {
  title: '',
  description: '',
  serviceType: '',
  public: true,
  productCategories: [],
  priceFrom: '',
  priceTo: '',
  currency: 'USD',
};
const serviceTypes = enumValues(ServiceType).map((value) => ({ value, label: humanize(value) }));
const currencies = currencyCodes.map((value) => ({ value, label: value }));

/** The partner's services, and a form to publish another (public ones appear in the directory). */
export function MyServicesPage() {
  const query = useQuery(MyServicesQuery);
  const partner = query.data?.viewer?.partner;
  return (
    <section>
      <PageTitle title="My services">My services</PageTitle>
      {queryState('your services', query) ??
        (!partner ? (
          <Empty>Your account belongs to no partner.</Empty>
        ) : (
          <>
            {partner.status !== 'ONBOARDED' && (
              <p className="notice notice-warn" role="status">
                {partner.status === 'SUSPENDED' ? `${partner.name} is suspended` : `${partner.name} awaits onboarding`}: you can prepare
                private services, and publish public ones in the directory once the platform onboards it.
              </p>
            )}
            <h2>About {partner.name}</h2>
            <PartnerProfileForm partnerId={partner.id} description={partner.description ?? ''} />
            <h2>Your services</h2>
            {partner.services.edges.length === 0 ? (
              <Empty>You have not published a service yet.</Empty>
            ) : (
              <div className="cards">
                {partner.services.edges.map(({ node }) => (
                  <ServiceCard key={node.id} service={node} showPartner={false} />
                ))}
              </div>
            )}
            <h2>Publish a service</h2>
            <PublishServiceForm partnerId={partner.id} onboarded={partner.status === 'ONBOARDED'} />
          </>
        ))}
    </section>
  );
}

/** A partner not onboarded can save private services only: the API refuses a public one (FORBIDDEN). */
function PublishServiceForm({ partnerId, onboarded }: { partnerId: string; onboarded: boolean }) {
  const notify = useToast();
  const blank = { ...empty, public: onboarded };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ServiceForm, unknown, z.output<typeof publishServiceRules>>({
    // A disabled checkbox submits no value: a partner not onboarded sends a private service.
    resolver: sharedRules(publishServiceRules, (v: ServiceForm) =>
      blankToNull({ ...v, public: onboarded && v.public }, ['description', 'priceFrom', 'priceTo']),
    ),
    defaultValues: blank,
  });
  const [publish] = useMutation(PublishServiceMutation, {
    update: (cache) => {
      cache.evict({ id: cache.identify({ __typename: 'Partner', id: partnerId }), fieldName: 'services' });
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'services' });
      cache.gc();
    },
  });
  const onSubmit = handleSubmit(async (input) => {
    try {
      const { data } = await publish({ variables: { input: input as PublishServiceInput } });
      if (applyUserErrors(data?.publishService.userErrors, setError, fields)) return;
      notify(input.public ? 'Service published in the directory.' : 'Private service saved.');
      reset(blank);
    } catch (error) {
      // A network or GraphQL error is the form's error, as a refusal in userErrors would be.
      setError('root.server', { message: (error as Error).message });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Publish a service" className="form-wide">
      <TextField label="Title" required maxLength={limits.serviceTitle} registration={register('title')} error={errors.title?.message} />
      <SelectField
        label="Service type"
        required
        placeholder="Choose…"
        options={serviceTypes}
        registration={register('serviceType')}
        error={errors.serviceType?.message}
      />
      <TextAreaField
        label="Description"
        maxLength={limits.serviceDescription}
        registration={register('description')}
        error={errors.description?.message}
      />
      <fieldset aria-describedby={errors.productCategories ? 'categories-error' : undefined}>
        <legend>
          Product categories <span aria-hidden="true">*</span>
        </legend>
        <div className="checkbox-grid">
          {enumValues(ProductCategory).map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" value={c} {...register('productCategories')} /> {humanize(c)}
            </label>
          ))}
        </div>
        {errors.productCategories && (
          <span id="categories-error" className="field-error" role="alert">
            {errors.productCategories.message}
          </span>
        )}
      </fieldset>
      <TextField
        label="Price from (per month)"
        inputMode="decimal"
        registration={register('priceFrom')}
        error={errors.priceFrom?.message}
      />
      <TextField label="Price to (per month)" inputMode="decimal" registration={register('priceTo')} error={errors.priceTo?.message} />
      <SelectField label="Currency" options={currencies} registration={register('currency')} error={errors.currency?.message} />
      <label className="choice">
        <input type="checkbox" disabled={!onboarded} aria-describedby={onboarded ? undefined : 'public-hint'} {...register('public')} />
        Public: listed in the directory and open to sellers' requests
      </label>
      {!onboarded && (
        <small id="public-hint" className="hint">
          A service can be public once the platform onboards your organisation.
        </small>
      )}
      <FormError message={errors.root?.server?.message} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Publishing…' : 'Publish service'}
      </button>
    </form>
  );
}
