import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestError, sendRequest } from '../../lib/messaging/request-client';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => true | undefined;

/** Stands in for the background: records what arrives and answers with `reply`. */
function answerWith(reply: unknown): unknown[] {
  const received: unknown[] = [];
  const listener: Listener = (message, _sender, sendResponse) => {
    received.push(message);
    sendResponse(reply);
    return true;
  };
  fakeBrowser.runtime.onMessage.addListener(listener);
  return received;
}

async function caught(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  return error as RequestError;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sendRequest', () => {
  it('wraps the request in the dm-handoff envelope and resolves with the reply data', async () => {
    const received = answerWith({ ok: true, data: { meId: 'm1' } });
    const data = await sendRequest('team.setMe', { memberId: 'm1' });
    expect(data).toEqual({ meId: 'm1' });
    expect(received).toEqual([{ channel: 'dm-handoff', name: 'team.setMe', payload: { memberId: 'm1' } }]);
  });

  it('throws a RequestError carrying the code and message of a refusal', async () => {
    answerWith({ ok: false, error: { code: 'not_found', message: 'This lead no longer exists.' } });
    const error = await caught(sendRequest('lead.assign', { leadId: 'gone', ownerId: null }));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('This lead no longer exists.');
    expect(error.name).toBe('RequestError');
  });

  it('throws an unreachable RequestError that asks for a reload when nothing in the extension listens', async () => {
    const error = await caught(sendRequest('ping', {}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/not responding.*Reload the page/);
  });

  it('throws an unreachable RequestError when the background never answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    const error = await caught(sendRequest('ping', {}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/did not answer/);
  });
});

describe('what the request client pulls into the content script', () => {
  const source = readFileSync(new URL('../../lib/messaging/request-client.ts', import.meta.url), 'utf8');
  const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)].map((m) => ({
    typeOnly: Boolean(m[1]),
    from: m[2],
  }));

  it('imports the protocol and responses as types only, so zod never reaches the content script', () => {
    const local = imports.filter((i) => i.from?.startsWith('.'));
    expect(local.length).toBeGreaterThan(0);
    expect(local.every((i) => i.typeOnly)).toBe(true);
  });

  it('imports nothing at run time but the browser API', () => {
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['wxt/browser']);
    expect(source).not.toMatch(/\bimport\(/);
  });
});
