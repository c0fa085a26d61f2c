import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Loading } from '../components/status';
import { useViewer } from '../lib/viewer';
import { homeOf } from '../features/auth/home';
import { roleWithArticle } from '../lib/labels';

type RoleName = 'SELLER' | 'PARTNER' | 'OPERATOR';

/** Pages for one role: visitors go to log in (and come back), other roles are told why not. */
export function RequireRole({ role, children }: { role: RoleName; children: ReactNode }) {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <Loading what="your account" />;
  if (!viewer) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (viewer.user.role !== role) {
    return (
      <p className="status status-error" role="alert">
        This page is for {role.toLowerCase()} accounts; you are logged in as {roleWithArticle(viewer.user.role)}.{' '}
        <Link to={homeOf(viewer)}>Go to your start page</Link>.
      </p>
    );
  }
  return <>{children}</>;
}
