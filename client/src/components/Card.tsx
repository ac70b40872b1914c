import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';

/** What a Section (and a Card) takes. */
export interface SectionProps {
  /** The heading's id, which names the section (aria-labelledby). */
  headingId: string;
  title: ReactNode;
  /** Default h2. */
  level?: 'h2' | 'h3' | 'h4';
  /** The section's classes (a Card's default: 'yp-card'). */
  className?: string;
  headingClassName?: string;
  /**
   * Given, the heading takes focus when the section appears and again when this changes: the section replaced
   * what had focus (a form that is gone), and a screen reader reads the new content from its heading.
   */
  focusKey?: string;
  testId?: string;
  /**
   * Given (even as nothing for now), the heading stands in a row with these beside it at its end (a button that opens
   * a form): `.yp-card__head`.
   */
  actions?: ReactNode;
  children?: ReactNode;
}

/** What a Card takes: a Section's props; its classes default to 'yp-card'. */
export type CardProps = SectionProps;

/** A section of a page named by its own heading, so that landmarks list it by that name. */
export function Section({
  headingId,
  title,
  level = 'h2',
  className,
  headingClassName,
  focusKey,
  testId,
  actions,
  children,
}: SectionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) heading.current?.focus();
  }, [focusKey]);
  const titleHeading = (
    <Heading
      variant={level}
      id={headingId}
      className={headingClassName}
      tabIndex={focusKey !== undefined ? -1 : undefined}
      ref={heading}
    >
      {title}
    </Heading>
  );
  return (
    <section className={className} aria-labelledby={headingId} data-testid={testId}>
      {actions === undefined ? (
        titleHeading
      ) : (
        <div className="yp-card__head">
          {titleHeading}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

/** A card of a page (a form, a panel): a Section with the classes 'yp-card' unless `className` says others. */
export function Card({ className = 'yp-card', ...props }: CardProps) {
  return <Section className={className} {...props} />;
}
