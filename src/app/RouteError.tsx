/** Shown when a page throws while rendering: says what broke and offers a way back, never a blank page. */
import { Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const text = error instanceof Error ? error.message : String(error);
  return (
    <main className="route-error">
      <h1>Something went wrong</h1>
      <p role="alert">{text}</p>
      <p>
        <Link to="/" reloadDocument>
          Reload the start page
        </Link>
      </p>
    </main>
  );
}
