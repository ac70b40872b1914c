import type { ReactNode } from 'react';

/** One term and its value in a description list (`<dl>`); nothing at all when there is no value to show. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
