const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short human duration for clocks and lists: "45 s", "12 min", "3 h 05 min", "2 d 4 h". Sign is ignored. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.floor(abs / 1000)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** "in 12 min" / "12 min overdue", as a person reads a deadline. */
export function formatTimeLeft(msLeft: number): string {
  return msLeft < 0 ? `${formatDuration(msLeft)} overdue` : `${formatDuration(msLeft)} left`;
}
