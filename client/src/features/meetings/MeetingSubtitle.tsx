import type { ReactNode } from 'react';
import { subtitleParts } from './meetings.rules';
import './meetings.css';

/**
 * A meeting's subtitle, its non-empty parts separated by "·" (an empty part, such as a meeting without a place,
 * leaves no separator). Each part is an item that wraps as a whole onto the next line (a long text part wraps within
 * itself) with its separator in front of it; the separator of a line's first item stands off the subtitle's left
 * edge and is clipped (meetings.css), so no line begins or ends with a lone "·", at any width.
 */
export function MeetingSubtitle({ className, parts }: { className: string; parts: readonly ReactNode[] }) {
  const shown = subtitleParts<ReactNode>(parts);
  return (
    <p className={`${className} yp-meeting-subtitle`} data-testid="meeting-subtitle">
      <span className="yp-meeting-subtitle__parts">
        {shown.map((part, i) => (
          <span key={i} className="yp-meeting-subtitle__part">
            {i > 0 && <span className="yp-meeting-subtitle__sep">·</span>}
            {part}
          </span>
        ))}
      </span>
    </p>
  );
}
