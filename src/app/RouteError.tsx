/** Shown when a page throws while rendering: says what broke and offers a way back, never a blank page. */
import { Component, type ReactNode } from 'react';
import { Link } from 'react-router';

export function RouteError({ error }: { error: unknown }) {
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

/** Catches a render error below it and shows RouteError in place of the whole shell. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown; failed: boolean }> {
  state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
