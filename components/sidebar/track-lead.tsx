import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { guessSource } from '@/lib/domain/source-guess';
import { truncateText } from '@/lib/domain/text-limits';
import { waitingSince } from '@/lib/domain/waiting-since';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import { sendRequest } from '@/lib/messaging/request-client';
import { fieldClass } from '../ui/field-styles';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { useNow } from '../ui/use-now';
import { threadMessages } from './seen-messages';
import { quote } from './sidebar-words';
import { useUntrackedEscalationWords } from './use-conversation-signals';
import { acceptLeadView } from './use-lead';

/** An untracked thread: one button tracks it with everything the thread shows, asking only for what it could not read. */
export function TrackLead({ threadId, snapshot }: { threadId: string; snapshot: ThreadSnapshot | null }) {
  const queryClient = useQueryClient();
  const usernameId = useId();
  const nameId = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const ready = snapshot?.status === 'ready';
  const readUsername = snapshot?.username;
  const firstInbound = snapshot?.messages.find((m) => m.direction === 'inbound');
  const guess = guessSource({ firstMessage: firstInbound?.text, firstMessageKind: firstInbound?.kind });
  const escalationWords = useUntrackedEscalationWords(snapshot);
  const waiting = useMemo(() => (ready ? waitingSince(threadMessages(snapshot)) : undefined), [ready, snapshot]);
  const now = useNow();
  const format = useFormatter();
  const t = useT();

  const track = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const view = await sendRequest('lead.track', {
        threadId,
        username: readUsername ?? (username.trim().replace(/^@/, '') || undefined),
        displayName: snapshot?.displayName ?? (displayName.trim() || undefined),
        firstMessage: firstInbound ? truncateText(firstInbound.text, 4000) : undefined,
        source: guess.source,
        trigger: guess.trigger,
        messages: threadMessages(snapshot),
      });
      acceptLeadView(queryClient, threadId, view);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-3">
      {escalationWords.length > 0 && (
        <div role="alert" className="rounded bg-red-50 p-2 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-semibold">{t('sidebar.track.escalationTitle')}</p>
          <p>
            {t('sidebar.track.escalationBody', {
              words: escalationWords.map((word) => quote(t, word)).join(', '),
            })}
          </p>
        </div>
      )}
      {readUsername ? (
        <p className="text-sm">
          <span className="font-semibold">@{readUsername}</span>
          {snapshot?.displayName && (
            <span className="block text-zinc-500 dark:text-zinc-400">{snapshot.displayName}</span>
          )}
        </p>
      ) : (
        <div className="space-y-2">
          <p className="text-xs text-zinc-600 dark:text-zinc-300">
            {ready || snapshot?.status === 'unrecognised'
              ? t('sidebar.track.usernameUnread')
              : t('sidebar.track.reading')}
          </p>
          <label htmlFor={usernameId} className="block text-xs font-medium">
            {t('sidebar.track.username')}
          </label>
          <input
            id={usernameId}
            className={fieldClass}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            maxLength={64}
          />
          <label htmlFor={nameId} className="block text-xs font-medium">
            {t('sidebar.track.displayName')}
          </label>
          <input
            id={nameId}
            className={fieldClass}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            maxLength={200}
          />
        </div>
      )}
      {waiting && (
        <p className="text-sm font-medium">
          {t(waiting.approximate ? 'sidebar.track.waitingAbout' : 'sidebar.track.waiting', {
            duration: format.duration(Math.max(0, now - waiting.at)),
          })}
        </p>
      )}
      {guess.source && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {guess.trigger
            ? t('sidebar.track.looksLikeTrigger', {
                source: t(`source.${guess.source}`),
                trigger: quote(t, guess.trigger),
              })
            : t('sidebar.track.looksLike', { source: t(`source.${guess.source}`) })}
        </p>
      )}
      <button
        type="button"
        onClick={() => void track()}
        disabled={busy}
        className="w-full rounded bg-violet-700 px-3 py-2 font-medium text-white disabled:opacity-50"
      >
        {t(
          busy
            ? 'sidebar.track.tracking'
            : !snapshot
              ? 'sidebar.track.reading'
              : escalationWords.length > 0
                ? 'sidebar.track.trackAndEscalate'
                : 'sidebar.track.track',
        )}
      </button>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {t('sidebar.track.failed', { reason: error })}
        </p>
      )}
    </div>
  );
}
