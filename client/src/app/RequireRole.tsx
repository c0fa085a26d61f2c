import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/status';
import { useViewer } from '../features/auth/api/viewer';

type RoleName = 'SELLER' | 'PARTNER' | 'OPERATOR';

/** Pages for one role: visitors go to log in (and come back), other roles are told why not. */
export function RequireRole({ role, children }: { role: RoleName; children: ReactNode }) {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <Loading what="your account" />;
  if (!viewer) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (viewer.user.role !== role) {
    return <p className="status status-error" role="alert">This page is for {role.toLowerCase()} accounts; you are logged in as a {viewer.user.role.toLowerCase()}.</p>;
  }
  return <>{children}</>;
}
