import { Link } from 'react-router';

/**
 * "← Back to …" above a page's heading. Generic (ten pages draw the same link); it sits here only because the
 * helper who wrote it owned this folder, and belongs in client/src/components.
 */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <p className="yp-back">
      <Link to={to} className="yp-link">
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
