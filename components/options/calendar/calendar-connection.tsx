import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { isSchedulingLink } from '@/lib/domain/calendar/tracked-booking-link';
import { sendRequest } from '@/lib/messaging/request-client';
import type { CalendarView } from '@/lib/messaging/responses';
import { fieldClass } from '../../ui/field-styles';
import { useT } from '../../ui/i18n';
import { richText } from '../../ui/rich-text';
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
  const t = useT();
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

  if (calendar.isPending) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('common.loading')}</p>;
  if (calendar.error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {t('options.calendar.unreachable', { reason: calendar.error.message })}
      </p>
    );
  const view = calendar.data;
  if (!view.webhookUrls)
    return (
      <div className="space-y-2">
        <button type="button" onClick={() => connect.mutate()} disabled={connect.isPending} className={mainButton}>
          {connect.isPending ? t('options.calendar.connecting') : t('options.calendar.connect')}
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
        <h3 className="font-medium">{t('options.calendar.webhooksHeading')}</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{t('options.calendar.webhooksIntro')}</p>
        {isLocalAddress(view.webhookUrls.calendly) && (
          <p
            role="note"
            className="rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            {t('options.calendar.localAddress')}
          </p>
        )}
        <CopyField
          label={t('options.calendar.calendlyUrl')}
          value={view.webhookUrls.calendly}
          hint={t('options.calendar.calendlyHint')}
        />
        <CopyField
          label={t('options.calendar.calcomUrl')}
          value={view.webhookUrls.calcom}
          hint={t('options.calendar.calcomHint')}
        />
        <SigningSecret firstSecret={firstSecret} createdAt={view.secretCreatedAt} />
      </div>
      <CalendarEvents view={view} onRefresh={() => calendar.refetch()} refreshing={calendar.isFetching} />
    </div>
  );
}

/** The team's scheduling link, which "Copy booking link" tracks per lead. Saved with its button. */
function BookingUrlForm({ view }: { view: CalendarView }) {
  const t = useT();
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
        {t('options.calendar.bookingLink')}
      </label>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">
        {richText(
          t,
          'options.calendar.bookingLinkHint',
          {},
          { copyLink: <em>{t('options.calendar.copyLinkButton')}</em> },
        )}
      </p>
      <div className="flex gap-2">
        <input
          id={id}
          type="url"
          value={text}
          placeholder={t('options.calendar.bookingLinkExample')}
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
          {save.isPending ? t('common.saving') : t('options.calendar.saveLink')}
        </button>
      </div>
      {invalid && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {t('options.calendar.wholeAddress')}
        </p>
      )}
      {save.isSuccess && !save.isPending && trimmed === (view.bookingUrl ?? '') && (
        <p aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-300">
          {t('options.calendar.linkSaved')}
        </p>
      )}
      {save.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t('common.notSaved', { reason: save.error.message })}
        </p>
      )}
    </form>
  );
}

/** The signing secret: hidden until asked for, replaceable (with a warning: the old one stops working at once). */
function SigningSecret({ firstSecret, createdAt }: { firstSecret: string | null; createdAt: number | null }) {
  const format = useFormatter();
  const t = useT();
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
    if (window.confirm(t('options.calendar.newSecretConfirm'))) reveal.mutate(true);
  };
  return (
    <div className="space-y-1">
      {shown ? (
        <CopyField
          label={t('options.calendar.secret')}
          value={shown}
          hint={t(replaced ? 'options.calendar.secretReplacedHint' : 'options.calendar.secretHint')}
        />
      ) : (
        <p className="text-sm">
          {createdAt === null
            ? t('options.calendar.secretHidden')
            : t('options.calendar.secretHiddenMade', { at: format.dateTime(createdAt) })}
        </p>
      )}
      <div className="flex gap-2">
        {shown ? (
          <button type="button" className={smallButton} onClick={() => setShown(null)}>
            {t('options.calendar.hideSecret')}
          </button>
        ) : (
          <button
            type="button"
            className={smallButton}
            onClick={() => reveal.mutate(false)}
            disabled={reveal.isPending}
          >
            {t('options.calendar.showSecret')}
          </button>
        )}
        <button type="button" className={smallButton} onClick={replace} disabled={reveal.isPending}>
          {t('options.calendar.newSecret')}
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
