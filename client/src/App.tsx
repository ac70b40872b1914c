import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { CurrentUserProvider } from './features/auth/CurrentUserProvider';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppLayout } from './features/layout/AppLayout';
import { PartyListPage } from './features/parties/PartyListPage';
import { PartyPage } from './features/parties/PartyPage';
import { AgreementPage } from './features/cooperation/AgreementPage';
import { AgreementsPage } from './features/cooperation/AgreementsPage';
import { BodyPage } from './features/cooperation/BodyPage';
import { StructurePage } from './features/cooperation/StructurePage';
import { SessionProvider } from './graphql/SessionProvider';
import { useSession } from './graphql/useSession';
import { I18nProvider } from './i18n/I18nProvider';

/** The routes. Keyed by the session's generation: after login or logout nothing from the old session survives. */
function SessionRoutes() {
  const { generation } = useSession();
  return (
    <CurrentUserProvider key={generation}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route index element={<Navigate to="/parties" replace />} />
            <Route path="/parties" element={<PartyListPage />} />
            <Route path="/parties/:id" element={<PartyPage />} />
            <Route path="/cooperation" element={<StructurePage />} />
            <Route path="/cooperation/bodies/:id" element={<BodyPage />} />
            <Route path="/agreements" element={<AgreementsPage />} />
            <Route path="/agreements/:id" element={<AgreementPage />} />
            <Route path="*" element={<Navigate to="/parties" replace />} />
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
