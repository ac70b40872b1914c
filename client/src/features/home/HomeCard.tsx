import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../../components/Card';

/**
 * A front-page card: its heading, `intro`, then the list (`items`; the words `empty` when there are none, else
 * `summary` above them) and a link to all of it. `id` names the heading and the card's test id.
 */
export function HomeCard({
  id,
  title,
  intro,
  items,
  empty,
  summary,
  more,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  items?: ReactNode[];
  empty?: string;
  summary?: string;
  more?: { to: string; label: string };
}) {
  return (
    <Card headingId={id} title={title} testId={id}>
      {intro}
      {items &&
        (items.length === 0 ? (
          <p className="yp-muted">{empty}</p>
        ) : (
          <>
            {summary && <p className="yp-count">{summary}</p>}
            <ul className="yp-home-list">{items}</ul>
          </>
        ))}
      {more && (
        <p className="yp-home-more">
          <Link className="yp-link" to={more.to}>
            {more.label}
          </Link>
        </p>
      )}
    </Card>
  );
}

/** One entry of a card's list: a link to it, a line of facts (`meta`) under it, and anything after. */
export function HomeItem({
  to,
  label,
  meta,
  className,
  children,
}: {
  to: string;
  label: string;
  meta?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <li className={className}>
      <Link className="yp-link" to={to}>
        {label}
      </Link>
      {meta != null && <span className="yp-home-meta">{meta}</span>}
      {children}
    </li>
  );
}
