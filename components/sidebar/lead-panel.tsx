import { useDeferredValue, useState } from 'react';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import type { LeadView } from '@/lib/messaging/responses';
import { AutosaveField } from '../ui/autosave-field';
import { useT } from '../ui/i18n';
import { CallPrepView } from './call-prep-view';
import { buttonClass, CopyBookingLink } from './copy-booking-link';
import { HistoryTimeline } from './history-timeline';
import { LaneToggles } from './lane-toggles';
import { NextActionEditor } from './next-action-editor';
import { OwnerControl } from './owner-control';
import { RequiredContext } from './required-context';
import { lastInboundKey } from './seen-messages';
import { SlaTimer } from './sla-timer';
import { StageControl } from './stage-control';
import { useLeadChange } from './use-lead';

/**
 * A tracked lead: who, where, who moves next, by when, and what the next person must know. `snapshot` is the open
 * thread beside the sidebar (none in the dashboard's drawer).
 */
export function LeadPanel({ view, snapshot = null }: { view: LeadView; snapshot?: ThreadSnapshot | null }) {
  const { lead } = view;
  const t = useT();
  const [showCallPrep, setShowCallPrep] = useState(false);
  const setDetail = useLeadChange(lead.threadId, 'lead.setDetail');
  const noReply = useLeadChange(lead.threadId, 'lead.noReplyNeeded');
  // A lead's first frame shows who it is, its clocks, stage and owner; the rest is drawn right after (a transition
  // React may interrupt), so a thread switch shows the new lead without waiting for its fields and history.
  const drawAll = useDeferredValue(true, false);
  if (showCallPrep) return <CallPrepView lead={lead} onClose={() => setShowCallPrep(false)} />;
  return (
    <div className="space-y-4">
      <header>
        <p className="text-base font-semibold">
          {lead.username ? `@${lead.username}` : t('sidebar.lead.usernameUnknown')}
        </p>
        {lead.displayName && <p className="text-sm text-zinc-500 dark:text-zinc-400">{lead.displayName}</p>}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {lead.source
            ? t('sidebar.lead.source', { source: t(`source.${lead.source}`) })
            : t('sidebar.lead.sourceNotSet')}
          {lead.trigger ? ` · ${lead.trigger}` : ''}
        </p>
        {!lead.username && (
          <AutosaveField
            label={t('sidebar.lead.username')}
            value=""
            onSave={(v) =>
              setDetail.mutateAsync({ leadId: lead.id, key: 'username', value: v.replace(/^@/, '') || null })
            }
          />
        )}
      </header>
      <SlaTimer
        clocks={view.clocks}
        approximateReply={lead.unansweredApproximate === true}
        onNoReplyNeeded={() => noReply.mutate({ leadId: lead.id, messageKey: lastInboundKey(snapshot) })}
        noReplyError={noReply.error?.message}
      />
      <div className="grid grid-cols-1 gap-3">
        <StageControl lead={lead} thread={snapshot} />
        <OwnerControl lead={lead} />
      </div>
      {drawAll && <LeadPanelRest view={view} onCallPrep={() => setShowCallPrep(true)} />}
    </div>
  );
}

/** Everything below the stage and owner: lanes, next action, call prep, the handoff fields, notes and history. */
function LeadPanelRest({ view, onCallPrep }: { view: LeadView; onCallPrep: () => void }) {
  const { lead } = view;
  const t = useT();
  const setDetail = useLeadChange(lead.threadId, 'lead.setDetail');
  return (
    <>
      <LaneToggles lead={lead} />
      <NextActionEditor lead={lead} />
      <button type="button" onClick={onCallPrep} className={buttonClass}>
        {t('sidebar.lead.callPrep')}
      </button>
      {/* A new stage (the calendar moved the lead) starts the copy's message afresh. */}
      <CopyBookingLink key={lead.stage} lead={lead} />
      <RequiredContext lead={lead} missing={view.missing} />
      <AutosaveField
        label={t('sidebar.lead.notes')}
        value={lead.notes}
        multiline
        maxLength={20000}
        onSave={(v) => setDetail.mutateAsync({ leadId: lead.id, key: 'notes', value: v })}
      />
      <section className="space-y-1">
        <h3 className="text-xs font-semibold uppercase text-zinc-500 dark:text-zinc-400">
          {t('sidebar.lead.history')}
        </h3>
        <HistoryTimeline lead={lead} history={view.history} />
      </section>
    </>
  );
}
