import { useViewer } from '../../../lib/viewer';

const standing: Record<string, { banner: (name: string) => string; blocked: string }> = {
  PENDING: {
    banner: (name) =>
      `${name} awaits onboarding by the platform. Until then you see your leads and their business profiles, but not the sellers' contact details, and you cannot act on leads.`,
    blocked: 'Lead actions open once the platform onboards your organisation.',
  },
  SUSPENDED: {
    banner: (name) =>
      `${name} is suspended by the platform. While it is suspended you see your leads and their business profiles, but not the sellers' contact details, and you cannot act on leads.`,
    blocked: 'Lead actions are unavailable while your organisation is suspended.',
  },
};

/** Why the viewer's partner cannot work its leads (null when it is onboarded): the API refuses the same. */
export function useBlockedReason(): string | null {
  const { viewer } = useViewer();
  const status = viewer?.partner?.status;
  return status && standing[status] ? standing[status].blocked : null;
}

/** A banner on the pool and lead pages while the viewer's partner is not onboarded. */
export function PartnerStandingBanner() {
  const { viewer } = useViewer();
  const partner = viewer?.partner;
  const state = partner && standing[partner.status];
  if (!partner || !state) return null;
  return (
    <p className="notice notice-warn" role="status">
      {state.banner(partner.name)}
      {partner.statusReason && <span className="status-reason">The platform's reason: {partner.statusReason}</span>}
    </p>
  );
}
