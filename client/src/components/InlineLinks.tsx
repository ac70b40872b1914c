import { Link } from 'react-router';

/** Links in a sentence, separated by commas. */
export function InlineLinks({ links }: { links: readonly { id: string; to: string; label: string }[] }) {
  return (
    <>
      {links.map((link, i) => (
        <span key={link.id}>
          {i > 0 && ', '}
          <Link className="yp-link" to={link.to}>
            {link.label}
          </Link>
        </span>
      ))}
    </>
  );
}
