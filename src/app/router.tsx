/**
 * Hash routes (#/train, #/pruning?sparsity=0.8 …): the app is a static bundle with base './', so hash
 * routing makes deep links work from any sub-path of any static host and from `vite preview`
 * without server rewrites.
 *
 * Declarative routes (<HashRouter>), not the data router (createHashRouter + RouterProvider): the app
 * uses no loaders or actions, and the data router's code was 16 kB of the first page's gzipped JS
 * (issue 18: initial JS ≤ 110 kB). Render errors are caught by RouteErrorBoundary instead of an
 * errorElement; it resets when the route changes.
 */
import { HashRouter, Route, Routes, useLocation } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './HomePage';
import { LabRoute } from './LabRoute';
import { NotFound } from './NotFound';
import { RouteErrorBoundary } from './RouteError';

function RoutesWithErrorPage() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Routes>
        <Route path="/" element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path=":labId" element={<LabRoute />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}

export function AppRouter() {
  return (
    <HashRouter>
      <RoutesWithErrorPage />
    </HashRouter>
  );
}
