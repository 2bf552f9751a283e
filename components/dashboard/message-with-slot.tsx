import { Fragment, type ReactNode } from 'react';

const MARK = '\uE000';

/**
 * A translated sentence with one placeholder drawn as markup (a time in its own element, say): the sentence is
 * written with a marker in the placeholder's place, then split around it, so each language keeps its own word order.
 */
export function messageWithSlot(write: (marker: string) => string, slot: ReactNode): ReactNode {
  const [before, after] = write(MARK).split(MARK);
  if (after === undefined) return before;
  return (
    <Fragment>
      {before}
      {slot}
      {after}
    </Fragment>
  );
}
