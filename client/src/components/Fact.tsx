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

/** One term and its value as a row (`<div>`) of a `<dl>` laid out row by row (`yp-details`); always shown. */
export function FactRow({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
