import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Lead } from '@/lib/domain/lead';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';

type Copied = { url: string; onClipboard: boolean } | { reason: string };

export const buttonClass =
  'w-full rounded border border-violet-700 px-2 py-1 text-sm text-violet-700 focus-visible:outline-2 focus-visible:outline-violet-600 dark:text-violet-300';

/**
 * "Copy booking link": the team's scheduling link carrying this lead's reference, so the calendar's webhook moves the
 * lead by itself when they book. Offered only in a synced team (the team server does the matching). Shows what was
 * copied; where the page does not allow the clipboard, the link is shown selected, to copy by hand.
 */
export function CopyBookingLink({ lead }: { lead: Pick<Lead, 'id'> }) {
  const t = useT();
  const link = useQuery({
    queryKey: ['calendar.bookingLink', lead.id],
    queryFn: () => sendRequest('calendar.bookingLink', { leadId: lead.id }),
    staleTime: 30_000,
  });
  const [copied, setCopied] = useState<Copied | null>(null);
  if (!link.data?.inTeam) return null;

  const copy = async () => {
    // Asked again on click: a coach may have changed the team's link since the panel opened.
    const reply = await link.refetch();
    const url = reply.data?.url;
    if (!url) {
      // In a team without a link yet the background says why; the sidebar says it in the user's language.
      const reason = reply.data?.inTeam
        ? t('sidebar.bookingLink.noTeamLink')
        : (reply.error?.message ?? t('sidebar.bookingLink.nothing'));
      setCopied({ reason });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied({ url, onClipboard: true });
    } catch {
      setCopied({ url, onClipboard: false });
    }
  };

  return (
    <div className="space-y-1">
      <button type="button" onClick={copy} className={buttonClass}>
        {t('sidebar.bookingLink.copy')}
      </button>
      <div role="status" className="text-xs text-zinc-600 dark:text-zinc-300">
        {copied && 'reason' in copied && <p>{copied.reason}</p>}
        {copied && 'url' in copied && (
          <>
            <p>
              {copied.onClipboard
                ? t('sidebar.bookingLink.copied', { stage: t('stage.booked') })
                : t('sidebar.bookingLink.copyByHand')}
            </p>
            <input
              readOnly
              aria-label={t('sidebar.bookingLink.field')}
              value={copied.url}
              onFocus={(e) => e.currentTarget.select()}
              className={`${fieldClass} mt-0.5 font-mono text-xs`}
            />
          </>
        )}
      </div>
    </div>
  );
}
