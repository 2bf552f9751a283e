import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
import { CalendarConnection } from './calendar-connection';

/**
 * Options → Connect a calendar. Bookings, cancellations, reschedules and no-shows reach the pipeline through the team
 * server's webhooks, so it needs team sync; the connection is the coach's.
 */
export function CalendarSettings() {
  const sync = useQuery({ queryKey: ['sync.status'], queryFn: () => sendRequest('sync.status', {}) });
  const status = sync.data;
  return (
    <section aria-labelledby="calendar-heading" className="space-y-3">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Connect a calendar
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Calendly or Cal.com tells the team server when a lead books, moves, cancels or misses a call, and the lead moves
        by itself on every teammate’s browser. Send leads the link from <em>Copy booking link</em> in the panel, so each
        booking names its lead.
      </p>
      {sync.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>}
      {status && !status.connected && (
        <p className="text-sm">
          This works through team sync: start or join a team under <a href="#sync-heading">Team sync</a>. A coach on
          their own can run the team server for themselves.
        </p>
      )}
      {status?.connected && status.member?.role !== 'coach' && (
        <p className="text-sm">Your team’s coach connects the calendar and sets the team’s booking link.</p>
      )}
      {status?.connected && status.member?.role === 'coach' && !status.signedOut && <CalendarConnection />}
    </section>
  );
}
