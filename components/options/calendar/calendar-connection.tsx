import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { isSchedulingLink } from '@/lib/domain/calendar/tracked-booking-link';
import { sendRequest } from '@/lib/messaging/request-client';
import type { CalendarView } from '@/lib/messaging/responses';
import { fieldClass } from '../../ui/field-styles';
import { useFormatter } from '../../ui/use-formatter';
import { CalendarEvents } from './calendar-events';
import { CopyField, mainButton, smallButton } from './copy-field';
import { CALENDAR_KEY, useCalendarReply } from './use-calendar-reply';

/** The coach's part: connect, the booking link, the addresses and secret to paste, and the events received. */
/** An address only this computer or network reaches: a calendar on the internet cannot post to it. */
function isLocalAddress(url: string): boolean {
  const host = new URL(url).hostname;
  return /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\])/.test(host) || host.endsWith('.local');
}

export function CalendarConnection() {
  const calendar = useQuery({
    queryKey: CALENDAR_KEY,
    queryFn: () => sendRequest('calendar.get', {}),
    // Events arrive from the calendar, not from this page: look again every 15 s.
    refetchInterval: 15_000,
  });
  const accept = useCalendarReply();
  const [firstSecret, setFirstSecret] = useState<string | null>(null);
  const connect = useMutation({
    mutationFn: async () => {
      const view = await sendRequest('calendar.connect', {});
      setFirstSecret((await sendRequest('calendar.secret', { replace: false })).secret);
      return view;
    },
    onSuccess: accept,
  });

  if (calendar.isPending) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>;
  if (calendar.error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not reach the team server: {calendar.error.message}
      </p>
    );
  const view = calendar.data;
  if (!view.webhookUrls)
    return (
      <div className="space-y-2">
        <button type="button" onClick={() => connect.mutate()} disabled={connect.isPending} className={mainButton}>
          {connect.isPending ? 'Connecting…' : 'Connect a calendar'}
        </button>
        {connect.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {connect.error.message}
          </p>
        )}
      </div>
    );
  return (
    <div className="space-y-4">
      <BookingUrlForm view={view} />
      <div className="space-y-2">
        <h3 className="font-medium">Where the calendar sends its events</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Calendly and Cal.com must reach this address from the internet: the team server needs a public address (behind
          a TLS reverse proxy) or a tunnel. A server only on this computer cannot receive them.
        </p>
        {isLocalAddress(view.webhookUrls.calendly) && (
          <p
            role="note"
            className="rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            This browser reaches the server at a local address. Paste your proxy’s or tunnel’s public address instead,
            with the same path (/v1/hooks/…).
          </p>
        )}
        <CopyField
          label="Calendly webhook URL"
          value={view.webhookUrls.calendly}
          hint="The callback URL of a webhook subscription (Calendly's API, events invitee.created, invitee.canceled, invitee_no_show.created, invitee_no_show.deleted), with the signing key below."
        />
        <CopyField
          label="Cal.com webhook URL"
          value={view.webhookUrls.calcom}
          hint="Cal.com → Settings → Developer → Webhooks → New: the subscriber URL, with the triggers Booking created, rescheduled, cancelled and no-show updated, and the secret below."
        />
        <SigningSecret firstSecret={firstSecret} createdAt={view.secretCreatedAt} />
      </div>
      <CalendarEvents view={view} onRefresh={() => calendar.refetch()} refreshing={calendar.isFetching} />
    </div>
  );
}

/** The team's scheduling link, which "Copy booking link" tracks per lead. Saved with its button. */
function BookingUrlForm({ view }: { view: CalendarView }) {
  const id = useId();
  const accept = useCalendarReply();
  const [text, setText] = useState(view.bookingUrl ?? '');
  useEffect(() => setText(view.bookingUrl ?? ''), [view.bookingUrl]);
  const save = useMutation({
    mutationFn: (bookingUrl: string | null) => sendRequest('calendar.saveBookingUrl', { bookingUrl }),
    onSuccess: accept,
  });
  const trimmed = text.trim();
  const invalid = trimmed !== '' && !isSchedulingLink(trimmed);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) save.mutate(trimmed || null);
  };
  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Team booking link
      </label>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">
        Your Calendly or Cal.com scheduling page. Each teammate’s <em>Copy booking link</em> adds the lead’s reference
        to it.
      </p>
      <div className="flex gap-2">
        <input
          id={id}
          type="url"
          value={text}
          placeholder="https://calendly.com/you/discovery-call"
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          className={fieldClass}
        />
        <button
          type="submit"
          disabled={invalid || save.isPending || trimmed === (view.bookingUrl ?? '')}
          className={smallButton}
        >
          {save.isPending ? 'Saving…' : 'Save link'}
        </button>
      </div>
      {invalid && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          Enter the whole address, starting with https://
        </p>
      )}
      {save.isSuccess && !save.isPending && trimmed === (view.bookingUrl ?? '') && (
        <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-300">
          Saved. Teammates get it with their next sync.
        </p>
      )}
      {save.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Not saved: {save.error.message}
        </p>
      )}
    </form>
  );
}

/** The signing secret: hidden until asked for, replaceable (with a warning: the old one stops working at once). */
function SigningSecret({ firstSecret, createdAt }: { firstSecret: string | null; createdAt: number | null }) {
  const format = useFormatter();
  const [shown, setShown] = useState<string | null>(firstSecret);
  const [replaced, setReplaced] = useState(false);
  useEffect(() => setShown(firstSecret), [firstSecret]);
  const reveal = useMutation({
    mutationFn: (replace: boolean) => sendRequest('calendar.secret', { replace }),
    onSuccess: ({ secret }, replace) => {
      setShown(secret);
      setReplaced(replace);
    },
  });
  const replace = () => {
    if (
      window.confirm(
        'Make a new signing secret? Calendly and Cal.com are refused until you paste the new one into them.',
      )
    )
      reveal.mutate(true);
  };
  return (
    <div className="space-y-1">
      {shown ? (
        <CopyField
          label="Signing secret"
          value={shown}
          hint={
            replaced
              ? 'New secret: paste it into Calendly’s subscription and Cal.com’s webhook now, the old one no longer works.'
              : 'Calendly’s signing key and Cal.com’s secret. Keep it private: anyone with it can post events as your calendar.'
          }
        />
      ) : (
        <p className="text-sm">
          Signing secret: hidden{createdAt !== null ? ` (made ${format.dateTime(createdAt)})` : ''}.
        </p>
      )}
      <div className="flex gap-2">
        {shown ? (
          <button type="button" className={smallButton} onClick={() => setShown(null)}>
            Hide secret
          </button>
        ) : (
          <button
            type="button"
            className={smallButton}
            onClick={() => reveal.mutate(false)}
            disabled={reveal.isPending}
          >
            Show signing secret
          </button>
        )}
        <button type="button" className={smallButton} onClick={replace} disabled={reveal.isPending}>
          Make a new secret
        </button>
      </div>
      {reveal.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {reveal.error.message}
        </p>
      )}
    </div>
  );
}
