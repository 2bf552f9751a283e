import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { AuditItem, AuditReason } from '@/lib/domain/review/conversation-audit';
import type { TeamMember } from '@/lib/domain/team';
import type { Formatter } from '@/lib/format/formatter';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';
import { openThread } from '../../ui/open-thread';
import { useFormatter } from '../../ui/use-formatter';
import type { OpenLead } from '../open-lead';
import { windowLabel } from './review-words';

type T = Translate<MessageKey>;

interface Check {
  part: string;
  ok: boolean;
  detail: string;
}

/** Why a conversation is here, in the reader's language (a status mismatch's sentence comes as written). */
function reasonText(t: T, reason: AuditReason): string {
  if ((reason.kind === 'became_call' || reason.kind === 'weak_handoff') && reason.stage) {
    const stage = t(`stage.${reason.stage}`);
    return t(reason.kind === 'became_call' ? 'dashboard.audit.reason.movedTo' : 'dashboard.audit.reason.weakMove', {
      stage,
    });
  }
  if (reason.kind === 'sla_missed' && reason.window)
    return t('dashboard.audit.reason.windowMissed', { window: windowLabel(t, reason.window) });
  if (reason.kind === 'escalation') return t('dashboard.audit.reason.escalation');
  return reason.detail;
}

/** The four parts of a handoff the audit looks at (the stage is where the lead is), each held or missing. */
function checksOf(t: T, item: AuditItem, members: readonly TeamMember[], format: Formatter): Check[] {
  const name = (id: string | null) => members.find((m) => m.id === id)?.name ?? t('dashboard.audit.formerMember');
  const { owner, window, context, nextAction } = item;
  return [
    {
      part: t('dashboard.audit.part.owner'),
      ok: owner.problem === null,
      detail:
        owner.problem === 'none'
          ? t('dashboard.audit.owner.none')
          : owner.problem === 'removed'
            ? t('dashboard.audit.owner.removed', { name: name(owner.memberId) })
            : name(owner.memberId),
    },
    {
      part: t('dashboard.audit.part.window'),
      ok: window.missed.length === 0,
      detail:
        window.missed.length === 0
          ? window.met > 0
            ? t('dashboard.audit.window.met', { count: window.met })
            : t('dashboard.audit.window.noneEnded')
          : t('dashboard.audit.window.missed', {
              windows: format.list(
                window.missed.map((m) =>
                  t('dashboard.audit.window.missedOne', {
                    window: m.window ? windowLabel(t, m.window) : m.label,
                    due: format.dateTime(m.dueAt),
                  }),
                ),
              ),
            }),
    },
    {
      part: t('dashboard.audit.part.context'),
      ok: context.missing.length === 0,
      detail:
        context.missing.length === 0
          ? t('dashboard.audit.context.complete')
          : t('dashboard.audit.context.missing', { fields: format.list(context.missing.map((k) => t(`field.${k}`))) }),
    },
    {
      part: t('dashboard.audit.part.nextAction'),
      ok: nextAction.problem === null,
      detail:
        nextAction.problem === 'none'
          ? t('dashboard.audit.nextAction.none')
          : nextAction.problem === 'overdue'
            ? t('dashboard.audit.nextAction.overdue', { since: format.dateTime(nextAction.dueAt ?? 0) })
            : nextAction.problem === 'late'
              ? t('dashboard.audit.nextAction.late')
              : t('dashboard.audit.nextAction.ok'),
    },
  ];
}

/**
 * "Audit the last 10 conversations": the week's latest leads that became calls or got messy, one at a time, with what
 * each handoff lacked, a way to the thread, and a finding to note on the lead. Findings typed and not yet added stay
 * with their lead while the reviewer walks on.
 */
export function ConversationAudit({
  items,
  monday,
  members,
  onOpen,
}: {
  items: AuditItem[];
  monday: string;
  members: readonly TeamMember[];
  onOpen: OpenLead;
}) {
  const format = useFormatter();
  const t = useT();
  const findingId = useId();
  const [index, setIndex] = useState(0);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [noted, setNoted] = useState<Record<string, string[]>>({});
  const note = useMutation({
    mutationFn: (finding: { leadId: string; text: string }) =>
      sendRequest('review.noteFinding', { leadId: finding.leadId, monday, text: finding.text }),
    onSuccess: (_view, finding) => {
      setNoted((n) => ({ ...n, [finding.leadId]: [...(n[finding.leadId] ?? []), finding.text.trim()] }));
      setDrafts((d) => ({ ...d, [finding.leadId]: '' }));
    },
  });

  const heading = (
    <h3 id="audit-heading" className="text-sm font-semibold">
      {t('dashboard.audit.heading')}
    </h3>
  );
  if (items.length === 0)
    return (
      <section aria-labelledby="audit-heading" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
        {heading}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('dashboard.audit.empty')}</p>
      </section>
    );

  const at = Math.min(index, items.length - 1);
  const item = items[at] as AuditItem;
  const draft = drafts[item.leadId] ?? '';
  const unsaved = items.filter((i) => i.leadId !== item.leadId && (drafts[i.leadId] ?? '').trim() !== '');
  const go = (to: number) => {
    note.reset();
    setIndex(to);
  };

  return (
    <section
      aria-labelledby="audit-heading"
      className="rounded-lg border border-violet-300 p-3 dark:border-violet-800"
      data-testid="conversation-audit"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        {heading}
        <div className="flex items-center gap-2 text-sm">
          <button
            type="button"
            className="rounded border px-2 py-0.5 disabled:opacity-50"
            disabled={at === 0}
            onClick={() => go(at - 1)}
          >
            {t('dashboard.audit.previous')}
          </button>
          <span aria-live="polite" data-testid="audit-position">
            {t('dashboard.audit.position', { at: format.number(at + 1), total: format.number(items.length) })}
          </span>
          <button
            type="button"
            className="rounded border px-2 py-0.5 disabled:opacity-50"
            disabled={at === items.length - 1}
            onClick={() => go(at + 1)}
          >
            {t('dashboard.audit.next')}
          </button>
        </div>
      </div>
      <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">{t('dashboard.audit.intro')}</p>

      <article aria-label={t('dashboard.audit.conversation', { lead: item.title })} className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-base font-semibold">
            {item.title}{' '}
            <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">· {t(`stage.${item.stage}`)}</span>
          </p>
          <div className="flex gap-2 text-sm">
            <button
              type="button"
              className="rounded bg-violet-700 px-2 py-0.5 text-white"
              onClick={() => void openThread(item.threadId)}
            >
              {t('dashboard.audit.openThread')}
            </button>
            <button
              type="button"
              className="rounded border border-violet-700 px-2 py-0.5"
              onClick={() => onOpen({ threadId: item.threadId, title: item.title, leadId: item.leadId })}
            >
              {t('dashboard.audit.openLead')}
            </button>
          </div>
        </div>
        <div>
          <h4 className="text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-400">
            {t('dashboard.audit.why')}
          </h4>
          <ul className="list-disc pl-5 text-sm">
            {item.reasons.map((r) => (
              <li key={`${r.kind}-${r.at}-${r.detail}`}>
                {reasonText(t, r)} <span className="text-zinc-600 dark:text-zinc-400">· {format.dateTime(r.at)}</span>
              </li>
            ))}
          </ul>
        </div>
        <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]" data-testid="audit-checks">
          {checksOf(t, item, members, format).map((check) => (
            <div key={check.part} className="contents">
              <dt className="font-medium">{check.part}</dt>
              <dd className={check.ok ? '' : 'text-red-800 dark:text-red-300'}>
                <span aria-hidden>{check.ok ? '✓ ' : '✗ '}</span>
                <span className="sr-only">{t(check.ok ? 'dashboard.audit.held' : 'dashboard.audit.missing')} </span>
                {check.detail}
              </dd>
            </div>
          ))}
        </dl>
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) note.mutate({ leadId: item.leadId, text: draft });
          }}
        >
          <label htmlFor={findingId} className="block text-xs font-medium">
            {t('dashboard.audit.finding')}
          </label>
          <textarea
            id={findingId}
            className={`${fieldClass} w-full`}
            rows={2}
            maxLength={2000}
            placeholder={t('dashboard.audit.findingPlaceholder')}
            value={draft}
            onChange={(e) => setDrafts((d) => ({ ...d, [item.leadId]: e.target.value }))}
          />
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="submit"
              disabled={note.isPending || draft.trim() === ''}
              className="rounded bg-violet-700 px-3 py-1 text-sm text-white disabled:opacity-50"
            >
              {t(note.isPending ? 'dashboard.audit.adding' : 'dashboard.audit.add')}
            </button>
            {note.isError && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                {t('dashboard.audit.notAdded', { reason: note.error.message })}
              </p>
            )}
          </div>
        </form>
        {(noted[item.leadId] ?? []).length > 0 && (
          <div role="status" className="text-sm">
            <p className="font-medium">{t('dashboard.audit.added', { lead: item.title })}</p>
            <ul className="list-disc pl-5">
              {(noted[item.leadId] ?? []).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        {unsaved.length > 0 && (
          <p className="text-xs text-amber-900 dark:text-amber-200">
            {t('dashboard.audit.unsaved', { leads: format.list(unsaved.map((i) => i.title)) })}
          </p>
        )}
      </article>
    </section>
  );
}
