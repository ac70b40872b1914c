import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';

/** What a Card takes. */
export interface CardProps {
  headingId: string;
  title: ReactNode;
  /** Default h2. */
  level?: 'h2' | 'h3' | 'h4';
  /** The section's classes; default 'yp-card'. */
  className?: string;
  headingClassName?: string;
  /**
   * Given, the heading takes focus when the card appears and again when this changes: the card replaced
   * what had focus (a form that is gone), and a screen reader reads the new content from its heading.
   */
  focusKey?: string;
  testId?: string;
  children: ReactNode;
}

/** A card of a page (a form, a panel): a section named by its own heading, so that landmarks list it by that name. */
export function Card({
  headingId,
  title,
  level = 'h2',
  className = 'yp-card',
  headingClassName,
  focusKey,
  testId,
  children,
}: CardProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) heading.current?.focus();
  }, [focusKey]);
  return (
    <section className={className} aria-labelledby={headingId} data-testid={testId}>
      <Heading
        variant={level}
        id={headingId}
        className={headingClassName}
        tabIndex={focusKey !== undefined ? -1 : undefined}
        ref={heading}
      >
        {title}
      </Heading>
      {children}
    </section>
  );
}
