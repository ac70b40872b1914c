import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The "← back to the list" link above a detail page; the arrow is decoration, hidden from screen readers. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="yp-back">
      <Link to={to} className="yp-link">
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}
