import type { ClockState, SlaClock } from '@/lib/domain/sla-clock';

/** The state a clock shows now, between refreshes from the background (which owns the coverage arithmetic). */
export function liveState(clock: SlaClock, now: number): ClockState {
  if (clock.state === 'met') return 'met';
  if (now > clock.dueAt) return 'breached';
  if (clock.state === 'paused') return 'paused';
  return now >= clock.warnAt ? 'warning' : 'ok';
}

/** The lead's most urgent running clock. */
export const mostUrgent = (clocks: readonly SlaClock[]): SlaClock | undefined =>
  clocks.filter((c) => c.state !== 'met').sort((a, b) => a.dueAt - b.dueAt)[0];

export const STATE_STYLE: Record<ClockState, string> = {
  ok: 'bg-emerald-50 text-emerald-800 border-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:border-emerald-800',
  warning: 'bg-amber-50 text-amber-900 border-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:border-amber-700',
  breached: 'bg-red-50 text-red-800 border-red-300 dark:bg-red-950 dark:text-red-200 dark:border-red-700',
  met: 'bg-zinc-50 text-zinc-700 border-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:border-zinc-700',
  paused: 'bg-sky-50 text-sky-900 border-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:border-sky-800',
};
