import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading';

/** A log page (the audit trail, the disclosures): its heading, the lead, the filters as a search landmark, then the log. */
export function LogPage({
  title,
  intro,
  filtersLabel,
  filters,
  children,
}: {
  title: string;
  intro: string;
  /** The name of the filters' search landmark. */
  filtersLabel: string;
  filters: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="yp-lead">{intro}</p>
      <div className="yp-filters" role="search" aria-label={filtersLabel}>
        {filters}
      </div>
      {children}
    </>
  );
}
