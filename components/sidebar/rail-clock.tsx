import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { liveState, mostUrgent, STATE_STYLE } from './clock-state';
import { clockTitle } from './sla-timer';
import { useLead } from './use-lead';

/** The open lead's most urgent clock on the folded rail: its colour and its minutes, at a glance. */
export function RailClock({ threadId }: { threadId: string }) {
  const lead = useLead(threadId);
  const now = useNow();
  const format = useFormatter();
  const t = useT();
  const clock = lead.data ? mostUrgent(lead.data.clocks) : undefined;
  if (!clock) return null;
  const state = liveState(clock, now);
  const left = clock.dueAt - now;
  const time = format.timeLeft(state === 'breached' ? -Math.abs(left) : Math.abs(left));
  const label = t('sidebar.clock.other', { clock: clockTitle(clock, t), time });
  return (
    <div
      role="timer"
      aria-label={label}
      title={label}
      data-state={state}
      className={`w-7 rounded border px-0.5 py-1 text-center text-[10px] font-semibold leading-tight tabular-nums ${STATE_STYLE[state]}`}
    >
      {state === 'breached' ? '−' : ''}
      {format.shortDuration(left)}
    </div>
  );
}
