import { Link, useLocation } from 'react-router';
import { LABS } from './labs';

export function NotFound() {
  const { pathname } = useLocation();
  return (
    <article className="not-found">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>#{pathname}</code>. The labs are:
      </p>
      <ul>
        {LABS.map((l) => (
          <li key={l.id}>
            <Link to={`/${l.id}`}>{l.title}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/">Back to the start page</Link>
      </p>
    </article>
  );
}
