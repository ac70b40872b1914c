import type { ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';

/** A card: a section named by its own h2 (`id` is the heading's, for aria-labelledby). */
export function Card({
  id,
  title,
  className,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  /** Classes besides `yp-card`. */
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section className={className ? `yp-card ${className}` : 'yp-card'} aria-labelledby={id} data-testid={testId}>
      <Heading variant="h2" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
