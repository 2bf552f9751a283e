import type { QueryKey } from '@tanstack/react-query';
import type { ChangeNotice } from '@/lib/messaging/protocol';
import { isNewer, type Revision } from '@/lib/messaging/revision';

type Scope = ChangeNotice['scopes'][number];
type Notice = Omit<ChangeNotice, 'channel'>;

const ANY: readonly Scope[] = ['leads', 'team', 'policy', 'settings'];

/**
 * What each screen's query shows, by the first part of its key: a change notice refreshes a query only when it names
 * one of these. A lead's view shows its clocks (the policy times them) and its owner (the team names them); lists of
 * leads show all of that; settings screens show only their own kind. A key not listed here is refreshed by every
 * notice, so a new screen is never left stale, only refreshed more than it needs.
 */
const FEEDS: Record<string, readonly Scope[]> = {
  lead: ['leads', 'policy', 'team'],
  team: ['team'],
  'sync.members': ['team'],
  lists: ['settings'],
  alerts: ['settings'],
  i18n: ['settings'],
  boardFilters: ['settings'],
  'settings.lastChanges': ['settings', 'policy'],
  policy: ['policy'],
  board: ['leads', 'policy', 'team'],
  'board-column': ['leads', 'policy', 'team'],
  'lead-cards': ['leads', 'policy', 'team'],
  attention: ['leads', 'policy', 'team', 'settings'],
  review: ANY,
  'sync.status': ANY,
  // The team's booking link: set by a coach and pulled with the team, or gone when this browser leaves the team.
  'calendar.bookingLink': ['team', 'settings'],
};

/** The revision a query's data was read or written at, when the background sent one. */
function revisionOf(data: unknown): Revision | undefined {
  const rev = (data as { rev?: unknown } | undefined)?.rev;
  return rev && typeof rev === 'object' && 'worker' in rev && 'n' in rev ? (rev as Revision) : undefined;
}

/**
 * Whether a notice changes what a query shows. A lead's own view is only refreshed for its own thread (or when the
 * notice does not say which leads changed), and never when the query already holds the write's revision: the reply
 * to this page's own change already stored what the notice announces.
 */
export function noticeFeeds(notice: Notice, queryKey: QueryKey, data: unknown): boolean {
  const [kind, detail] = queryKey as readonly unknown[];
  const feeds = typeof kind === 'string' ? FEEDS[kind] : undefined;
  if (feeds && !notice.scopes.some((s) => feeds.includes(s))) return false;
  const onlyLeads = notice.scopes.every((s) => s === 'leads');
  if (kind === 'lead' && onlyLeads && notice.threadIds && !notice.threadIds.includes(String(detail))) return false;
  const held = revisionOf(data);
  if (notice.rev && held && !isNewer(notice.rev, held)) return false;
  return true;
}
