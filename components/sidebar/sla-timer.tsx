import { LANE_LABELS, type Lane, STAGE_LABELS, type Stage } from '@/lib/domain/pipeline-stages';
import type { ClockState, SlaClock } from '@/lib/domain/sla-clock';
import { formatDuration } from '@/lib/format/format-duration';
import { useNow } from '../ui/use-now';

const STATE_STYLE: Record<ClockState, string> = {
  ok: 'bg-emerald-50 text-emerald-800 border-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:border-emerald-800',
  warning: 'bg-amber-50 text-amber-900 border-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:border-amber-700',
  breached: 'bg-red-50 text-red-800 border-red-300 dark:bg-red-950 dark:text-red-200 dark:border-red-700',
  met: 'bg-zinc-50 text-zinc-700 border-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:border-zinc-700',
  paused: 'bg-sky-50 text-sky-900 border-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:border-sky-800',
};

export function clockTitle(clock: SlaClock): string {
  switch (clock.kind) {
    case 'reply':
      return `Reply (${STAGE_LABELS[clock.subject as Stage]})`;
    case 'stage':
      return STAGE_LABELS[clock.subject as Stage];
    case 'lane':
      return LANE_LABELS[clock.subject as Lane];
    case 'next_action':
      return 'Next action';
  }
}

/** The state a clock shows now, between refreshes from the background (which owns the coverage arithmetic). */
function liveState(clock: SlaClock, now: number): ClockState {
  if (clock.state === 'met') return 'met';
  if (now > clock.dueAt) return 'breached';
  if (clock.state === 'paused') return 'paused';
  return now >= clock.warnAt ? 'warning' : 'ok';
}

const dueFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

interface SlaTimerProps {
  clocks: SlaClock[];
  /** The reply clock's start was read from the thread list's age: shown as "about". */
  approximateReply?: boolean;
  /** Offered while a reply clock runs: the lead's last message needs no reply. */
  onNoReplyNeeded?: () => void;
  noReplyError?: string;
}

/** The lead's most urgent clock, live: time left or how long overdue, coloured by state. */
export function SlaTimer({ clocks, approximateReply, onNoReplyNeeded, noReplyError }: SlaTimerProps) {
  const now = useNow();
  const running = clocks.filter((c) => c.state !== 'met').sort((a, b) => a.dueAt - b.dueAt);
  const clock = running[0];
  if (!clock) {
    return (
      <div role="timer" aria-label="SLA clock" className={`rounded-md border px-3 py-2 text-sm ${STATE_STYLE.met}`}>
        No clock running
      </div>
    );
  }
  const state = liveState(clock, now);
  const left = clock.dueAt - now;
  const about = approximateReply && clock.kind === 'reply' ? 'about ' : '';
  const text =
    state === 'breached'
      ? `${about}${formatDuration(left)} overdue`
      : state === 'paused'
        ? `Paused outside coverage · due ${dueFormat.format(clock.dueAt)}`
        : `${about}${formatDuration(left)} left`;
  const reply = running.find((c) => c.kind === 'reply');
  return (
    <div
      role="timer"
      aria-label="SLA clock"
      data-state={state}
      className={`rounded-md border px-3 py-2 text-sm ${STATE_STYLE[state]}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{clockTitle(clock)}</span>
        <span className="font-semibold tabular-nums">{text}</span>
      </div>
      {about && (
        <p className="mt-1 text-xs opacity-80">
          Started from the thread list’s time; opening the thread makes it exact.
        </p>
      )}
      {running.length > 1 && (
        <ul className="mt-1 space-y-0.5 text-xs opacity-80">
          {running.slice(1).map((c) => (
            <li key={c.key}>
              {clockTitle(c)}:{' '}
              {now > c.dueAt ? `${formatDuration(c.dueAt - now)} overdue` : `due ${dueFormat.format(c.dueAt)}`}
            </li>
          ))}
        </ul>
      )}
      {reply && onNoReplyNeeded && (
        <button
          type="button"
          onClick={onNoReplyNeeded}
          className="mt-1 rounded border border-current px-2 py-0.5 text-xs font-medium"
        >
          No reply needed
        </button>
      )}
      {noReplyError && (
        <p role="alert" className="mt-1 text-xs">
          {noReplyError}
        </p>
      )}
    </div>
  );
}
