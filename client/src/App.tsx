import { BrowserRouter, Route, Routes } from 'react-router';
import { page } from './components/lazyPage';
import { UnknownPage } from './components/UnknownPage';
import { CurrentUserProvider } from './features/auth/CurrentUserProvider';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppLayout } from './features/layout/AppLayout';
import { SessionProvider } from './graphql/SessionProvider';
import { useSession } from './graphql/useSession';
import { I18nProvider } from './i18n/I18nProvider';

const PartyListPage = page(() => import('./features/parties/PartyListPage'), 'PartyListPage');
const PartyPage = page(() => import('./features/parties/PartyPage'), 'PartyPage');
const AgreementPage = page(() => import('./features/cooperation/AgreementPage'), 'AgreementPage');
const GoalReportPage = page(() => import('./features/goals/GoalReportPage'), 'GoalReportPage');
const AgreementsPage = page(() => import('./features/cooperation/AgreementsPage'), 'AgreementsPage');
const BodyPage = page(() => import('./features/cooperation/BodyPage'), 'BodyPage');
const StructurePage = page(() => import('./features/cooperation/StructurePage'), 'StructurePage');
const ProfilePage = page(() => import('./features/profile/ProfilePage'), 'ProfilePage');
const PeoplePage = page(() => import('./features/people/PeoplePage'), 'PeoplePage');
const InvitationPage = page(() => import('./features/auth/InvitationPage'), 'InvitationPage');
const ApiTokensPage = page(() => import('./features/analytics/ApiTokensPage'), 'ApiTokensPage');
const DisclosuresPage = page(() => import('./features/analytics/DisclosuresPage'), 'DisclosuresPage');
const AuditTrailPage = page(() => import('./features/analytics/AuditTrailPage'), 'AuditTrailPage');
const NeedsRegisterPage = page(() => import('./features/needs/NeedsRegisterPage'), 'NeedsRegisterPage');
const NeedPage = page(() => import('./features/needs/NeedPage'), 'NeedPage');
const NeedCreatePage = page(() => import('./features/needs/NeedCreatePage'), 'NeedCreatePage');
const ResponsibilityMatrixPage = page(() => import('./features/needs/ResponsibilityMatrixPage'), 'ResponsibilityMatrixPage');
const PartyActionsPage = page(() => import('./features/needs/PartyActionsPage'), 'PartyActionsPage');
const MeetingsPage = page(() => import('./features/meetings/MeetingsPage'), 'MeetingsPage');
const MeetingPage = page(() => import('./features/meetings/MeetingPage'), 'MeetingPage');
const MeetingRoomPage = page(() => import('./features/meetings/MeetingRoomPage'), 'MeetingRoomPage');
const PublishedMinutesPage = page(() => import('./features/meetings/PublishedMinutesPage'), 'PublishedMinutesPage');
const PublishedMinutesListPage = page(() => import('./features/meetings/PublishedMinutesPage'), 'PublishedMinutesListPage');
const DashboardPage = page(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const IndicatorImportPage = page(() => import('./features/dashboard/IndicatorImportPage'), 'IndicatorImportPage');
const HomePage = page(() => import('./features/home/HomePage'), 'HomePage');
const NotificationsPage = page(() => import('./features/notifications/NotificationsPage'), 'NotificationsPage');

/** The routes. Keyed by the session's generation: after login or logout nothing from the old session survives. */
function SessionRoutes() {
  const { generation } = useSession();
  return (
    <CurrentUserProvider key={generation}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route path="/login" element={<LoginPage />} />
          {/* Published minutes are public (Kuntalaki 140 §): no sign-in. */}
          <Route path="/minutes" element={<PublishedMinutesListPage />} />
          <Route path="/minutes/:id" element={<PublishedMinutesPage />} />
          {/* A one-time link (issue 12): the holder sets a password before they can sign in. */}
          <Route path="/invitation/:token" element={<InvitationPage />} />
          <Route element={<RequireAuth />}>
            <Route index element={<HomePage />} />
            <Route path="/parties" element={<PartyListPage />} />
            <Route path="/parties/:id" element={<PartyPage />} />
            <Route path="/cooperation" element={<StructurePage />} />
            <Route path="/cooperation/bodies/:id" element={<BodyPage />} />
            <Route path="/agreements" element={<AgreementsPage />} />
            <Route path="/agreements/:id" element={<AgreementPage />} />
            <Route path="/agreements/:id/goals/:goalId/report" element={<GoalReportPage />} />
            <Route path="/api-tokens" element={<ApiTokensPage />} />
            <Route path="/disclosures" element={<DisclosuresPage />} />
            <Route path="/audit" element={<AuditTrailPage />} />
            <Route path="/needs" element={<NeedsRegisterPage />} />
            <Route path="/needs/new" element={<NeedCreatePage />} />
            <Route path="/needs/matrix" element={<ResponsibilityMatrixPage />} />
            <Route path="/needs/actions" element={<PartyActionsPage />} />
            <Route path="/needs/:id" element={<NeedPage />} />
            <Route path="/meetings" element={<MeetingsPage />} />
            <Route path="/meetings/:id" element={<MeetingPage />} />
            <Route path="/meetings/:id/room" element={<MeetingRoomPage />} />
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/indicators/import" element={<IndicatorImportPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="/people" element={<PeoplePage />} />
            {/* An address that names no page says so (it used to send the visitor home without a word). */}
            <Route path="*" element={<UnknownPage />} />
          </Route>
        </Route>
      </Routes>
    </CurrentUserProvider>
  );
}

/** The whole client: language, session (urql + live connection), router. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <SessionRoutes />
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
