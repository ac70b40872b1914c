import { NavLink } from 'react-router';

/** One entry of a navigation list. */
export type NavEntry = {
  to: string;
  label: string;
  /** Active only on this very path, not below it (default false). */
  end?: boolean;
};

/** A navigation's links as list items; the current page's link is marked by NavLink (aria-current="page"). */
export function NavLinkList({ entries, linkClassName }: { entries: readonly NavEntry[]; linkClassName: string }) {
  return (
    <>
      {entries.map(({ to, label, end }) => (
        <li key={to}>
          <NavLink to={to} end={end} className={linkClassName}>
            {label}
          </NavLink>
        </li>
      ))}
    </>
  );
}
