import { useQuery } from '@tanstack/react-query';
import { sendRequest } from '@/lib/messaging/request-client';
import { useT } from '../../ui/i18n';
import { richText } from '../../ui/rich-text';
import { CalendarConnection } from './calendar-connection';

/**
 * Options → Connect a calendar. Bookings, cancellations, reschedules and no-shows reach the pipeline through the team
 * server's webhooks, so it needs team sync; the connection is the coach's.
 */
export function CalendarSettings() {
  const t = useT();
  const sync = useQuery({ queryKey: ['sync.status'], queryFn: () => sendRequest('sync.status', {}) });
  const status = sync.data;
  return (
    <section aria-labelledby="calendar-heading" className="space-y-3">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        {t('options.calendar.heading')}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        {richText(t, 'options.calendar.intro', {}, { copyLink: <em>{t('options.calendar.copyLinkButton')}</em> })}
      </p>
      {sync.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>}
      {status && !status.connected && (
        <p className="text-sm">
          {richText(
            t,
            'options.calendar.needsSync',
            {},
            { teamSync: <a href="#sync-heading">{t('options.nav.sync')}</a> },
          )}
        </p>
      )}
      {status?.connected && status.member?.role !== 'coach' && (
        <p className="text-sm">{t('options.calendar.coachOnly')}</p>
      )}
      {status?.connected && status.member?.role === 'coach' && !status.signedOut && <CalendarConnection />}
    </section>
  );
}
