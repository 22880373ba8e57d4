import { lazy, Suspense, type ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireSection, RequireSession } from './guards';
import { Loading } from '../components/QueryState';
import { SignInPage } from '../features/signin/SignInPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';
import { ConflictPage } from '../features/conflicts/ConflictPage';
import { SharingQueuePage } from '../features/sharing/SharingQueuePage';
import { SharingPage } from '../features/sharing/SharingPage';
import { ServicesPage } from '../features/services/ServicesPage';
import { ServicePage } from '../features/services/ServicePage';
import { ProcessorsPage } from '../features/processors/ProcessorsPage';
import { ProcessorPage } from '../features/processors/ProcessorPage';
import { PoliciesPage } from '../features/policies/PoliciesPage';
import { PolicyPage } from '../features/policies/PolicyPage';
import { AuditPage } from '../features/audit/AuditPage';
import { FindingsPage } from '../features/findings/FindingsPage';
import { NotFoundPage } from './NotFoundPage';
import { Home } from '../features/home/Home';
import { ReviewPage } from '../features/home/ReviewPage';
import { MyServicesPage } from '../features/home/MyServicesPage';
import { RegisterServicePage } from '../features/services/RegisterServicePage';
import { ProposeSharingPage } from '../features/sharing/ProposeSharingPage';
import { EditProcessorPage } from '../features/processors/EditProcessorPage';
import { RegisterProcessorPage } from '../features/processors/RegisterProcessorPage';
import { TaxonomyPage } from '../features/taxonomy/TaxonomyPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { AdminPage } from '../features/admin/AdminPage';
import { AdequacyRegisterPage } from '../features/transfers/AdequacyRegisterPage';
import { WhatIfPage } from '../features/transfers/WhatIfPage';
import { OrganisationPage } from '../features/organisation/OrganisationPage';
import { AssessmentsPage } from '../features/assessments/AssessmentsPage';
import { AssessmentPage } from '../features/assessments/AssessmentPage';
import { NewAssessmentPage } from '../features/assessments/NewAssessmentPage';

// GraphiQL and its editor are large: loaded only when the explorer opens.
const ExplorerPage = lazy(() => import('../features/explorer/ExplorerPage'));

/** Every page has a URL that survives a reload (the API serves index.html for client routes). */
/** A page only the roles its section opens for may see; the others read why (`what`). */
const sectionRoute = (path: string, section: Parameters<typeof RequireSection>[0]['section'], what: string, page: ReactElement): RouteObject => ({
  path,
  element: (
    <RequireSection section={section} what={what}>
      {page}
    </RequireSection>
  ),
});

export const routes: RouteObject[] = [
  { path: '/signin', element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'overview', element: <OverviewPage /> },
      sectionRoute('review', 'review', 'the review queues (privacy officers review conflicts and sharing)', <ReviewPage />),
      { path: 'my-services', element: <MyServicesPage /> },
      { path: 'conflicts', element: <ConflictsPage /> },
      { path: 'conflicts/:id', element: <ConflictPage /> },
      { path: 'sharing', element: <SharingQueuePage /> },
      { path: 'sharing/:id', element: <SharingPage /> },
      { path: 'assessments', element: <AssessmentsPage /> },
      { path: 'assessments/new', element: <NewAssessmentPage /> },
      { path: 'assessments/:id', element: <AssessmentPage /> },
      { path: 'services', element: <ServicesPage /> },
      { path: 'services/new', element: <RegisterServicePage /> },
      { path: 'services/:key', element: <ServicePage /> },
      { path: 'services/:key/sharing/new', element: <ProposeSharingPage /> },
      { path: 'processors', element: <ProcessorsPage /> },
      { path: 'processors/new', element: <RegisterProcessorPage /> },
      { path: 'processors/:key', element: <ProcessorPage /> },
      { path: 'processors/:key/edit', element: <EditProcessorPage /> },
      { path: 'taxonomy', element: <TaxonomyPage /> },
      { path: 'policies', element: <PoliciesPage /> },
      { path: 'policies/:key', element: <PolicyPage /> },
      { path: 'findings', element: <FindingsPage /> },
      { path: 'transfers/adequacy', element: <AdequacyRegisterPage /> },
      sectionRoute('transfers/what-if', 'what-if', 'the transfer what-if (auditors, privacy officers and admins run it)', <WhatIfPage />),
      { path: 'organisation', element: <OrganisationPage /> },
      sectionRoute('audit', 'audit', "the audit log (your services' history is on each service page)", <AuditPage />),
      sectionRoute('exports', 'exports', 'the exports (auditors, privacy officers and admins download them)', <ExportsPage />),
      sectionRoute('admin', 'admin', 'users, teams and tokens (admins manage them)', <AdminPage />),
      {
        path: 'explorer',
        element: (
          <Suspense fallback={<Loading label="Loading the explorer…" />}>
            <ExplorerPage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
