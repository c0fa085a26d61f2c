import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';
import { lazyPage } from './lazy-page';

const DirectoryPage = lazyPage(() => import('../features/directory/routes/DirectoryPage'), 'DirectoryPage');
const PartnerPage = lazyPage(() => import('../features/directory/routes/PartnerPage'), 'PartnerPage');
const LogInPage = lazyPage(() => import('../features/auth/routes/LogInPage'), 'LogInPage');
const SignUpPage = lazyPage(() => import('../features/auth/routes/SignUpPage'), 'SignUpPage');
const RequestPartnerPage = lazyPage(() => import('../features/inquiries/routes/RequestPartnerPage'), 'RequestPartnerPage');
const MyRequestsPage = lazyPage(() => import('../features/inquiries/routes/MyRequestsPage'), 'MyRequestsPage');
const RequestPage = lazyPage(() => import('../features/inquiries/routes/RequestPage'), 'RequestPage');
const AuthorizationsPage = lazyPage(() => import('../features/authorizations/routes/AuthorizationsPage'), 'AuthorizationsPage');
const LeadPoolPage = lazyPage(() => import('../features/leads/routes/LeadPoolPage'), 'LeadPoolPage');
const LeadPage = lazyPage(() => import('../features/leads/routes/LeadPage'), 'LeadPage');
const MyServicesPage = lazyPage(() => import('../features/services/routes/MyServicesPage'), 'MyServicesPage');
const QueuePage = lazyPage(() => import('../features/operator/routes/QueuePage'), 'QueuePage');
const OperatorInquiryPage = lazyPage(() => import('../features/operator/routes/OperatorInquiryPage'), 'OperatorInquiryPage');
const PartnersPage = lazyPage(() => import('../features/operator/routes/PartnersPage'), 'PartnersPage');
const MailboxPage = lazyPage(() => import('../features/developer/routes/MailboxPage'), 'MailboxPage');
const GraphiQLPage = lazyPage(() => import('../features/developer/routes/GraphiQLPage'), 'GraphiQLPage');
const NotFoundPage = lazyPage(() => import('./NotFoundPage'), 'NotFoundPage');

const seller = (page: ReactNode) => <RequireRole role="SELLER">{page}</RequireRole>;
const partner = (page: ReactNode) => <RequireRole role="PARTNER">{page}</RequireRole>;
const operator = (page: ReactNode) => <RequireRole role="OPERATOR">{page}</RequireRole>;

export function App() {
  return (
    <Routes>
      {/* GraphiQL takes the whole window, without the app's header. */}
      <Route path="/graphiql" element={<GraphiQLPage />} />
      <Route
        path="*"
        element={
          <Layout>
            <AppRoutes />
          </Layout>
        }
      />
    </Routes>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<DirectoryPage />} />
      <Route path="/partners/:partnerId" element={<PartnerPage />} />
      <Route path="/login" element={<LogInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/requests" element={seller(<MyRequestsPage />)} />
      <Route path="/requests/new" element={seller(<RequestPartnerPage />)} />
      <Route path="/requests/:inquiryId" element={seller(<RequestPage />)} />
      <Route path="/authorizations" element={seller(<AuthorizationsPage />)} />
      <Route path="/leads" element={partner(<LeadPoolPage />)} />
      <Route path="/leads/:leadId" element={partner(<LeadPage />)} />
      <Route path="/services" element={partner(<MyServicesPage />)} />
      <Route path="/operator/queue" element={operator(<QueuePage />)} />
      <Route path="/operator/inquiries/:inquiryId" element={operator(<OperatorInquiryPage />)} />
      <Route path="/operator/partners" element={operator(<PartnersPage />)} />
      <Route path="/mailbox" element={operator(<MailboxPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
