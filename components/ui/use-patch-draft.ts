import { useCallback, useMemo, useState } from 'react';
import { applyPatch, diffPatch, type Patch } from '@/lib/domain/settings-patch';
import type { Revision } from '@/lib/messaging/revision';

const withoutRev = <T extends { rev: Revision }>(value: T): Omit<T, 'rev'> => {
  const { rev: _, ...rest } = value;
  return rest;
};

/**
 * A form edited as a draft and saved in one step (the SLA policy: saving re-times every lead). The draft is kept as
 * the user's changes over the stored value, so a teammate's change that arrives meanwhile shows in every part the
 * user has not touched, and saving sends only what the user changed.
 */
export function usePatchDraft<T extends { rev: Revision }>(stored: T | undefined) {
  const [edits, setEdits] = useState<Patch>([]);
  const draft = useMemo(() => (stored === undefined ? undefined : applyPatch(stored, edits)), [stored, edits]);
  const setDraft = useCallback(
    (next: T) => {
      if (stored !== undefined) setEdits(diffPatch(withoutRev(stored), withoutRev(next)));
    },
    [stored],
  );
  const discard = useCallback(() => setEdits([]), []);
  return { draft, setDraft, edits, dirty: edits.length > 0, discard };
}
