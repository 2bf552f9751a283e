import { describe, expect, it } from 'vitest';
import { noticeFeeds } from '../../components/ui/notice-feeds';

const rev = (n: number, worker = 'w1') => ({ worker, n });
const leadEdit = { leadIds: ['lead-1'], threadIds: ['t1'], scopes: ['leads' as const], rev: rev(7) };

describe('what a change notice refreshes on a page', () => {
  it('leaves a lead view that already holds the change alone: the reply to this page’s own edit', () => {
    expect(noticeFeeds(leadEdit, ['lead', 't1'], { view: {}, rev: rev(7) })).toBe(false);
    expect(noticeFeeds(leadEdit, ['lead', 't1'], { view: {}, rev: rev(9) })).toBe(false);
    // Older than the write (another tab's edit), or from before the background restarted: refreshed.
    expect(noticeFeeds(leadEdit, ['lead', 't1'], { view: {}, rev: rev(6) })).toBe(true);
    expect(noticeFeeds(leadEdit, ['lead', 't1'], { view: {}, rev: rev(90, 'w0') })).toBe(true);
  });

  it('refreshes only the lead whose thread changed, but every lead when the notice does not say which', () => {
    expect(noticeFeeds(leadEdit, ['lead', 't2'], { view: {}, rev: rev(1) })).toBe(false);
    const synced = { leadIds: ['lead-1', 'lead-2'], scopes: ['leads' as const] };
    expect(noticeFeeds(synced, ['lead', 't2'], { view: {}, rev: rev(1) })).toBe(true);
  });

  it('re-times every lead view when the policy changes, and renames owners when the team does', () => {
    expect(noticeFeeds({ leadIds: [], scopes: ['policy', 'leads'] }, ['lead', 't2'], undefined)).toBe(true);
    expect(noticeFeeds({ leadIds: [], scopes: ['team'] }, ['lead', 't2'], undefined)).toBe(true);
  });

  it('keeps settings screens out of lead edits, and lead lists out of personal settings', () => {
    for (const key of [['team'], ['lists'], ['alerts'], ['boardFilters'], ['policy']])
      expect(noticeFeeds({ leadIds: ['lead-2'], scopes: ['leads'] }, key, undefined)).toBe(false);
    expect(noticeFeeds({ leadIds: [], scopes: ['settings'] }, ['board', {}], undefined)).toBe(false);
    expect(noticeFeeds({ leadIds: [], scopes: ['settings'] }, ['alerts'], undefined)).toBe(true);
    // "Who am I" is a setting, and the popup's "mine" depends on it.
    expect(noticeFeeds({ leadIds: [], scopes: ['settings'] }, ['attention', 'mine'], undefined)).toBe(true);
    expect(noticeFeeds({ leadIds: ['lead-2'], scopes: ['leads'] }, ['board', {}], undefined)).toBe(true);
  });

  it('reads the team booking link again only when the team or its settings change, not on a lead edit', () => {
    expect(noticeFeeds({ leadIds: ['lead-2'], scopes: ['leads'] }, ['calendar.bookingLink', 'lead-2'], undefined)).toBe(
      false,
    );
    expect(noticeFeeds({ leadIds: [], scopes: ['team'] }, ['calendar.bookingLink', 'lead-2'], undefined)).toBe(true);
  });

  it('refreshes a screen it knows nothing about on every notice, rather than leave it stale', () => {
    expect(noticeFeeds({ leadIds: [], scopes: ['settings'] }, ['something-new', 1], undefined)).toBe(true);
  });
});
