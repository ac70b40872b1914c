import type { ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';

type SectionProps = {
  /** The heading's id, which names the section (aria-labelledby). */
  id: string;
  title: ReactNode;
  className?: string;
  testId?: string;
  children?: ReactNode;
};

/** A section named by its own h2. */
export function Section({ id, title, className, testId, children }: SectionProps) {
  return (
    <section className={className} aria-labelledby={id} data-testid={testId}>
      <Heading variant="h2" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A card: a section named by its own h2; `className` adds to `yp-card`. */
export function Card({ className, ...props }: SectionProps) {
  return <Section className={className ? `yp-card ${className}` : 'yp-card'} {...props} />;
}
