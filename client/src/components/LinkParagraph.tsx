import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A paragraph that is one link within the app: "back to the meetings", "to the dashboard", "see the register". */
export function LinkParagraph({ className, to, children }: { className: string; to: string; children: ReactNode }) {
  return (
    <p className={className}>
      <Link className="yp-link" to={to}>
        {children}
      </Link>
    </p>
  );
}
