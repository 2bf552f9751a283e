import type { Lane, Stage } from '@/lib/domain/pipeline-stages';
import type { SlaClock } from '@/lib/domain/sla-clock';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { liveState, mostUrgent, STATE_STYLE } from './clock-state';
import type { T } from './sidebar-words';

export function clockTitle(clock: SlaClock, t: T): string {
  switch (clock.kind) {
    case 'reply':
      return t('sidebar.clock.reply', { stage: t(`stage.${clock.subject as Stage}`) });
    case 'stage':
      return t(`stage.${clock.subject as Stage}`);
    case 'lane':
      return t(`lane.${clock.subject as Lane}`);
    case 'next_action':
      return t('sidebar.clock.nextAction');
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
  const t = useT();
  const running = clocks.filter((c) => c.state !== 'met').sort((a, b) => a.dueAt - b.dueAt);
  const clock = mostUrgent(clocks);
  if (!clock) {
    return (
      <div
        role="timer"
        aria-label={t('sidebar.clock.label')}
        className={`rounded-md border px-3 py-2 text-sm ${STATE_STYLE.met}`}
      >
        {t('sidebar.clock.none')}
      </div>
    );
  }
  const state = liveState(clock, now);
  const left = clock.dueAt - now;
  const about = approximateReply === true && clock.kind === 'reply';
  const duration = format.duration(left);
  const text =
    state === 'paused'
      ? t('sidebar.clock.paused', { due: format.due(clock.dueAt, now) })
      : !about
        ? format.timeLeft(state === 'breached' ? -Math.abs(left) : Math.abs(left))
        : t(state === 'breached' ? 'sidebar.clock.aboutOverdue' : 'sidebar.clock.aboutLeft', { duration });
  const reply = running.find((c) => c.kind === 'reply');
  return (
    <div
      role="timer"
      aria-label={t('sidebar.clock.label')}
      data-state={state}
      className={`rounded-md border px-3 py-2 text-sm ${STATE_STYLE[state]}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{clockTitle(clock, t)}</span>
        <span className="font-semibold tabular-nums">{text}</span>
      </div>
      {about && <p className="mt-1 text-xs opacity-80">{t('sidebar.clock.approximate')}</p>}
      {running.length > 1 && (
        <ul className="mt-1 space-y-0.5 text-xs opacity-80">
          {running.slice(1).map((c) => (
            <li key={c.key}>
              {now > c.dueAt
                ? t('sidebar.clock.other', { clock: clockTitle(c, t), time: format.timeLeft(c.dueAt - now) })
                : t('sidebar.clock.otherDue', {
                    clock: clockTitle(c, t),
                    time: format.timeLeft(c.dueAt - now),
                    due: format.due(c.dueAt, now),
                  })}
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
          {t('sidebar.clock.noReplyNeeded')}
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
