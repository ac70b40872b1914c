import { Fragment, type ReactNode } from 'react';
import { subtitleParts } from './meetings.rules';

/**
 * A meeting's subtitle, its non-empty parts separated by " · " (an empty part, such as a meeting without a place,
 * leaves no separator). Each separator is held to the part after it (a no-break space before text, which may still
 * wrap between its own words; one unbreakable piece with an element such as the status badge), so a narrow screen
 * never ends a line with a lone "·".
 */
export function MeetingSubtitle({ className, parts }: { className: string; parts: readonly ReactNode[] }) {
  const shown = subtitleParts<ReactNode>(parts);
  return (
    <p className={className} data-testid="meeting-subtitle">
      {shown.map((part, i) => (
        <Fragment key={i}>
          {i === 0 ? (
            part
          ) : typeof part === 'string' ? (
            ` ·\u00a0${part}`
          ) : (
            <>
              {' '}
              <span className="yp-nowrap">· {part}</span>
            </>
          )}
        </Fragment>
      ))}
    </p>
  );
}
