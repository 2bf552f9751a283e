import { describe, expect, it } from 'vitest';
import { pageKindFromUrl, threadIdFromUrl } from '@/lib/instagram/thread-url';

describe('threadIdFromUrl', () => {
  it.each([
    ['https://www.instagram.com/direct/t/17853190422687105/', '17853190422687105'],
    ['https://www.instagram.com/direct/t/17853190422687105', '17853190422687105'],
    ['https://www.instagram.com/direct/e2ee/t/110022003300/', '110022003300'],
    ['https://www.instagram.com/direct/t/340282366841710300949128/?hl=en#x', '340282366841710300949128'],
    ['https://instagram.com/direct/t/abc_DEF-1/', 'abc_DEF-1'],
    ['/direct/t/42/', '42'],
  ])('%s → %s', (url, id) => {
    expect(threadIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/direct/requests/',
    'https://www.instagram.com/direct/t/',
    'https://www.instagram.com/marcus.builds/',
    'https://www.instagram.com/stories/direct/t/1/',
    'https://example.com/direct/t/17853190422687105/',
    'not a url at all ::',
  ])('%s → null', (url) => {
    expect(threadIdFromUrl(url)).toBeNull();
  });
});

describe('pageKindFromUrl', () => {
  it.each([
    ['https://www.instagram.com/direct/t/1/', 'thread'],
    ['https://www.instagram.com/direct/e2ee/t/1/', 'thread'],
    ['https://www.instagram.com/direct/inbox/', 'inbox'],
    ['https://www.instagram.com/direct/inbox/general/', 'inbox'],
    ['https://www.instagram.com/direct/general/', 'inbox'],
    ['https://www.instagram.com/direct/', 'inbox'],
    ['https://www.instagram.com/direct/requests/', 'requests'],
    ['https://www.instagram.com/direct/requests/hidden/', 'requests'],
    ['https://www.instagram.com/direct/new/', 'other-direct'],
    ['https://www.instagram.com/', 'not-direct'],
    ['https://www.instagram.com/directory/', 'not-direct'],
    ['https://www.instagram.com/p/C9xYzAbCdEf/', 'not-direct'],
    ['https://www.facebook.com/direct/t/1/', 'not-direct'],
  ])('%s → %s', (url, kind) => {
    expect(pageKindFromUrl(url)).toBe(kind);
  });
});
