import type { ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';

/** A card of a page (a form, a panel): a section named by its own heading, so that landmarks list it by that name. */
export function Card({
  headingId,
  title,
  level = 'h2',
  className = 'yp-card',
  headingClassName,
  testId,
  children,
}: {
  headingId: string;
  title: ReactNode;
  /** Default h2. */
  level?: 'h2' | 'h3' | 'h4';
  /** The section's classes; default 'yp-card'. */
  className?: string;
  headingClassName?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={headingId} data-testid={testId}>
      <Heading variant={level} id={headingId} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
