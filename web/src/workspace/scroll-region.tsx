import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways on a phone; the region can take focus so a keyboard can
 * scroll it too, and is named so a screen reader says what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ws-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
