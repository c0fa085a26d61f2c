import { useForm } from 'react-hook-form';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signUpPartnerRules, signUpSellerRules } from '@slp/shared';
import { FormError, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { applyUserErrors } from '../../../lib/form-errors';
import { sharedRules } from '../../../lib/shared-rules';
import { SignUpPartnerMutation, SignUpSellerMutation } from '../api/operations';
import { useStartSession } from '../api/session';
import { homeOf } from '../home';
import { nextPage, whyLogIn, withNext } from '../next-page';

interface SignUpForm {
  email: string;
  password: string;
  name: string;
  organizationName: string;
  contactEmail: string;
}
const fields = ['email', 'password', 'name', 'organizationName', 'contactEmail'] as const;

/** Sign up as a seller, or as a partner organisation (which starts PENDING until an operator onboards it). */
export function SignUpPage() {
  const [params, setParams] = useSearchParams();
  const asPartner = params.get('as') === 'partner';
  const next = nextPage(params);
  const why = whyLogIn(next);
  const choose = (partner: boolean) => setParams({ ...(partner ? { as: 'partner' } : {}), ...(next ? { next } : {}) });
  return (
    <section className="narrow">
      <PageTitle title="Sign up">Sign up</PageTitle>
      {why && (
        <p className="notice" role="status">
          {why}
        </p>
      )}
      <div role="group" aria-label="Account type" className="segmented">
        <button type="button" aria-pressed={!asPartner} onClick={() => choose(false)}>
          I am a seller
        </button>
        <button type="button" aria-pressed={asPartner} onClick={() => choose(true)}>
          I am a service partner
        </button>
      </div>
      <SignUpForm key={asPartner ? 'partner' : 'seller'} asPartner={asPartner} next={next} />
      <p>
        Have an account? <Link to={withNext('/login', next)}>Log in</Link>.
      </p>
    </section>
  );
}

/** A new seller goes on to the page they came for; a new partner starts at its home (it awaits onboarding). */
function SignUpForm({ asPartner, next }: { asPartner: boolean; next: string | null }) {
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [signUpSeller] = useMutation(SignUpSellerMutation);
  const [signUpPartner] = useMutation(SignUpPartnerMutation);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpForm, unknown, SignUpForm>({
    resolver: sharedRules<SignUpForm, SignUpForm>(asPartner ? signUpPartnerRules : (signUpSellerRules as never)),
    defaultValues: { email: '', password: '', name: '', organizationName: '', contactEmail: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    const { email, password, name } = values;
    const result = asPartner
      ? (
          await signUpPartner({
            variables: { input: { email, password, name, organizationName: values.organizationName, contactEmail: values.contactEmail } },
          })
        ).data?.signUpPartner
      : (await signUpSeller({ variables: { input: { email, password, name } } })).data?.signUpSeller;
    if (applyUserErrors(result?.userErrors, setError, fields) || !result) return;
    await startSession();
    navigate((!asPartner && next) || homeOf(result.viewer), { replace: true });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={asPartner ? 'Partner sign up' : 'Seller sign up'}>
      <TextField label="Your name" autoComplete="name" required registration={register('name')} error={errors.name?.message} />
      <TextField label="Email" type="email" autoComplete="email" required registration={register('email')} error={errors.email?.message} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters"
        registration={register('password')}
        error={errors.password?.message}
      />
      {asPartner && (
        <>
          <TextField
            label="Organization name"
            autoComplete="organization"
            required
            registration={register('organizationName')}
            error={errors.organizationName?.message}
          />
          <TextField
            label="Public contact email"
            type="email"
            required
            hint="Shown on your partner page for sellers without a shop account"
            registration={register('contactEmail')}
            error={errors.contactEmail?.message}
          />
          <p className="hint">A new partner starts as pending until the platform onboards it.</p>
        </>
      )}
      <FormError message={errors.root?.server?.message} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Signing up…' : 'Sign up'}
      </button>
    </form>
  );
}
