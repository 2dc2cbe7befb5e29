/**
 * Hash routes (#/train, #/pruning?sparsity=0.8 …): the app is a static bundle with base './', so hash
 * routing makes deep links work from any sub-path of any static host and from `vite preview`
 * without server rewrites.
 */
import { createHashRouter } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './HomePage';
import { LabRoute } from './LabRoute';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';

export const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: ':labId', element: <LabRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
