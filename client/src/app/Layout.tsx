import { Suspense, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { Loading } from '../components/status';
import { useToast } from '../components/toasts';
import { useViewer, type ViewerData } from '../lib/viewer';
import { useLogOut } from '../features/auth/api/session';
import { InquiryUpdates } from '../features/inquiries/components/InquiryUpdates';
import { LeadAlerts, LeadPoolNavLabel } from '../features/leads/components/LeadAlerts';

interface NavItem {
  to: string;
  label: ReactNode;
  end?: boolean;
}

/** What each role's navigation offers; everyone gets the directory and the developer pages. */
function navFor(viewer: ViewerData | null): NavItem[] {
  const common: NavItem[] = [{ to: '/', label: 'Services', end: true }];
  const developer: NavItem[] = [{ to: '/graphiql', label: 'GraphiQL' }];
  switch (viewer?.user.role) {
    case 'SELLER':
      return [
        ...common,
        { to: '/requests/new', label: 'Request a partner' },
        { to: '/requests', label: 'My requests', end: true },
        { to: '/authorizations', label: 'Authorizations' },
        ...developer,
      ];
    case 'PARTNER':
      return [...common, { to: '/leads', label: <LeadPoolNavLabel /> }, { to: '/services', label: 'My services' }, ...developer];
    case 'OPERATOR':
      return [
        ...common,
        { to: '/operator/queue', label: 'Open inquiries' },
        { to: '/operator/partners', label: 'Partners' },
        ...developer,
        { to: '/mailbox', label: 'Mailbox' },
      ];
    default:
      return [...common, ...developer];
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const { viewer } = useViewer();
  const logOut = useLogOut();
  const navigate = useNavigate();
  const notify = useToast();
  const onLogOut = async () => {
    await logOut();
    navigate('/');
    notify('You are logged out.');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          Seller Leads Pool
        </Link>
        <nav aria-label="Main">
          <ul>
            {navFor(viewer).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          {viewer ? (
            <>
              <span>
                {viewer.user.name}
                {viewer.partner ? ` · ${viewer.partner.name}` : ''}
              </span>
              <button type="button" onClick={onLogOut}>
                Log out
              </button>
            </>
          ) : (
            <>
              <NavLink to="/login">Log in</NavLink>
              <NavLink to="/signup">Sign up</NavLink>
            </>
          )}
        </div>
      </header>
      {viewer?.user.role === 'PARTNER' && <LeadAlerts />}
      {viewer?.user.role === 'SELLER' && <InquiryUpdates />}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="page" />}>{children}</Suspense>
      </main>
    </>
  );
}
