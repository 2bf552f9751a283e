import { LANE_LABELS, type Lane, STAGE_LABELS, type Stage } from '@/lib/domain/pipeline-stages';
import type { SlaClock } from '@/lib/domain/sla-clock';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { liveState, mostUrgent, STATE_STYLE } from './clock-state';

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
  const format = useFormatter();
  const running = clocks.filter((c) => c.state !== 'met').sort((a, b) => a.dueAt - b.dueAt);
  const clock = mostUrgent(clocks);
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
      ? `${about}${format.duration(left)} overdue`
      : state === 'paused'
        ? `Paused outside coverage · due ${format.due(clock.dueAt, now)}`
        : `${about}${format.duration(left)} left`;
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
              {now > c.dueAt
                ? `${format.duration(c.dueAt - now)} overdue`
                : `${format.duration(c.dueAt - now)} left · due ${format.due(c.dueAt, now)}`}
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
