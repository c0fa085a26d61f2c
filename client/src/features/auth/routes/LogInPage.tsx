import { useForm } from 'react-hook-form';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { FormError, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/PageTitle';
import { applyUserErrors } from '../../../lib/form-errors';
import { sharedRules } from '../../../lib/shared-rules';
import { LogInMutation } from '../api/operations';
import { useStartSession } from '../api/session';
import { homeOf } from '../home';
import { nextPage, whyLogIn, withNext } from '../next-page';

const logInRules = z.object({
  email: z.string().trim().min(1, 'Enter your email'),
  password: z.string().min(1, 'Enter your password'),
});
type LogInForm = z.input<typeof logInRules>;

export function LogInPage() {
  const [params] = useSearchParams();
  const next = nextPage(params);
  const why = whyLogIn(next);
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [logIn] = useMutation(LogInMutation);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LogInForm, unknown, LogInForm>({
    resolver: sharedRules(logInRules),
    defaultValues: { email: '', password: '' },
  });
  const onSubmit = handleSubmit(async (input) => {
    const { data } = await logIn({ variables: { input } });
    const result = data?.logIn;
    if (applyUserErrors(result?.userErrors, setError, ['email', 'password']) || !result?.viewer) return;
    await startSession();
    navigate(next ?? homeOf(result.viewer), { replace: true });
  });
  return (
    <section className="narrow">
      <PageTitle title="Log in">Log in</PageTitle>
      {why && (
        <p className="notice" role="status">
          {why}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Log in">
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          registration={register('email')}
          error={errors.email?.message}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          registration={register('password')}
          error={errors.password?.message}
        />
        <FormError message={errors.root?.server?.message} />
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New here? <Link to={withNext('/signup', next)}>Sign up as a seller</Link> or{' '}
        <Link to={withNext('/signup?as=partner', next)}>as a partner</Link>.
      </p>
    </section>
  );
}
