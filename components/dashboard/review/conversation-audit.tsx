import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { HANDOFF_FIELD_LABELS } from '@/lib/domain/field-labels';
import { STAGE_LABELS } from '@/lib/domain/pipeline-stages';
import type { AuditItem } from '@/lib/domain/review/conversation-audit';
import type { TeamMember } from '@/lib/domain/team';
import type { Formatter } from '@/lib/format/formatter';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../../ui/field-styles';
import { openThread } from '../../ui/open-thread';
import { useFormatter } from '../../ui/use-formatter';
import type { OpenLead } from '../open-lead';

interface Check {
  part: string;
  ok: boolean;
  detail: string;
}

/** The four parts of a handoff the audit looks at (the stage is where the lead is), each held or missing. */
function checksOf(item: AuditItem, members: readonly TeamMember[], format: Formatter): Check[] {
  const name = (id: string | null) => members.find((m) => m.id === id)?.name ?? 'a former member';
  const { owner, window, context, nextAction } = item;
  return [
    {
      part: 'Owner',
      ok: owner.problem === null,
      detail:
        owner.problem === 'none'
          ? 'Nobody owned it'
          : owner.problem === 'removed'
            ? `Owned by ${name(owner.memberId)}, no longer on the team`
            : `${name(owner.memberId)}`,
    },
    {
      part: 'Window',
      ok: window.missed.length === 0,
      detail:
        window.missed.length === 0
          ? window.met > 0
            ? `Met: ${format.number(window.met)} ${window.met === 1 ? 'clock' : 'clocks'} in time`
            : 'No clock ended this week'
          : `Missed: ${format.list(window.missed.map((m) => `${m.label} (due ${format.dateTime(m.dueAt)})`))}`,
    },
    {
      part: 'Context',
      ok: context.missing.length === 0,
      detail:
        context.missing.length === 0
          ? 'Everything the next person needs'
          : `Missing: ${format.list(context.missing.map((k) => HANDOFF_FIELD_LABELS[k]))}`,
    },
    {
      part: 'Next action',
      ok: nextAction.problem === null,
      detail:
        nextAction.problem === 'none'
          ? 'None set'
          : nextAction.problem === 'overdue'
            ? `Overdue since ${format.dateTime(nextAction.dueAt ?? 0)}`
            : nextAction.problem === 'late'
              ? 'Done late this week'
              : 'Set, with a due time (or none needed)',
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
      Audit the last 10 conversations
    </h3>
  );
  if (items.length === 0)
    return (
      <section aria-labelledby="audit-heading" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
        {heading}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No lead became a call or got messy this week: nothing to audit.
        </p>
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
            ← Previous
          </button>
          <span aria-live="polite" data-testid="audit-position">
            Conversation {format.number(at + 1)} of {format.number(items.length)}
          </span>
          <button
            type="button"
            className="rounded border px-2 py-0.5 disabled:opacity-50"
            disabled={at === items.length - 1}
            onClick={() => go(at + 1)}
          >
            Next →
          </button>
        </div>
      </div>
      <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
        The week’s latest leads that reached Booked call or got messy (a weak handoff, a missed window, an escalation, a
        status mismatch), newest first.
      </p>

      <article aria-label={`Conversation ${item.title}`} className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-base font-semibold">
            {item.title}{' '}
            <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">· {STAGE_LABELS[item.stage]}</span>
          </p>
          <div className="flex gap-2 text-sm">
            <button
              type="button"
              className="rounded bg-violet-700 px-2 py-0.5 text-white"
              onClick={() => void openThread(item.threadId)}
            >
              Open the thread
            </button>
            <button
              type="button"
              className="rounded border border-violet-700 px-2 py-0.5"
              onClick={() => onOpen({ threadId: item.threadId, title: item.title, leadId: item.leadId })}
            >
              Open the lead
            </button>
          </div>
        </div>
        <div>
          <h4 className="text-xs font-semibold uppercase text-zinc-600 dark:text-zinc-400">Why it is here</h4>
          <ul className="list-disc pl-5 text-sm">
            {item.reasons.map((r) => (
              <li key={`${r.kind}-${r.at}-${r.detail}`}>
                {r.detail} <span className="text-zinc-600 dark:text-zinc-400">· {format.dateTime(r.at)}</span>
              </li>
            ))}
          </ul>
        </div>
        <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]" data-testid="audit-checks">
          {checksOf(item, members, format).map((check) => (
            <div key={check.part} className="contents">
              <dt className="font-medium">{check.part}</dt>
              <dd className={check.ok ? '' : 'text-red-800 dark:text-red-300'}>
                <span aria-hidden>{check.ok ? '✓ ' : '✗ '}</span>
                <span className="sr-only">{check.ok ? 'Held: ' : 'Missing: '}</span>
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
            Finding (added to the lead’s notes)
          </label>
          <textarea
            id={findingId}
            className={`${fieldClass} w-full`}
            rows={2}
            maxLength={2000}
            placeholder="What went wrong, and what to change"
            value={draft}
            onChange={(e) => setDrafts((d) => ({ ...d, [item.leadId]: e.target.value }))}
          />
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="submit"
              disabled={note.isPending || draft.trim() === ''}
              className="rounded bg-violet-700 px-3 py-1 text-sm text-white disabled:opacity-50"
            >
              {note.isPending ? 'Adding…' : 'Add the finding'}
            </button>
            {note.isError && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                Not added: {note.error.message}
              </p>
            )}
          </div>
        </form>
        {(noted[item.leadId] ?? []).length > 0 && (
          <div role="status" className="text-sm">
            <p className="font-medium">Added to {item.title}’s notes:</p>
            <ul className="list-disc pl-5">
              {(noted[item.leadId] ?? []).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        {unsaved.length > 0 && (
          <p className="text-xs text-amber-900 dark:text-amber-200">
            Findings typed and not added yet: {format.list(unsaved.map((i) => i.title))}.
          </p>
        )}
      </article>
    </section>
  );
}
