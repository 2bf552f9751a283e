import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { acceptNewer } from '../../components/ui/use-saved-value';
import { versionedQuery } from '../../components/ui/versioned-query';
import { isNewer, type Revision } from '../../lib/messaging/revision';

const rev = (n: number, worker = 'w1'): Revision => ({ worker, n });
type Value = { scope: string; quiet: boolean; rev: Revision };

describe('what a screen keeps of the answers it gets', () => {
  it('keeps the newer answer whatever order the answers arrive in', () => {
    const client = new QueryClient();
    const key = ['alerts'];
    acceptNewer<Value>(client, key, { scope: 'all', quiet: false, rev: rev(3) });
    // The answer to the first of two saves arrives last: it does not put the old value back.
    acceptNewer<Value>(client, key, { scope: 'all', quiet: true, rev: rev(2) });
    expect(client.getQueryData(key)).toEqual({ scope: 'all', quiet: false, rev: rev(3) });
    acceptNewer<Value>(client, key, { scope: 'mine', quiet: false, rev: rev(4) });
    expect(client.getQueryData<Value>(key)?.scope).toBe('mine');
  });

  it('ignores a refresh that began before a save was answered', async () => {
    const client = new QueryClient();
    const key = ['alerts'];
    let finishRead!: (v: Value) => void;
    const { queryFn } = versionedQuery(client, key, () => new Promise<Value>((r) => (finishRead = r)));
    const refresh = queryFn();
    acceptNewer<Value>(client, key, { scope: 'all', quiet: false, rev: rev(5) });
    finishRead({ scope: 'mine', quiet: true, rev: rev(4) });
    expect(await refresh).toEqual({ scope: 'all', quiet: false, rev: rev(5) });
  });

  it('takes everything from a restarted background as newer', () => {
    expect(isNewer(rev(1, 'w2'), rev(900, 'w1'))).toBe(true);
    expect(isNewer(rev(7), rev(7))).toBe(false);
    expect(isNewer(rev(1), undefined)).toBe(true);
  });
});
