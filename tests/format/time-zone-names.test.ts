import { describe, expect, it } from 'vitest';
import { describeTimeZone, searchTimeZones, supportedTimeZones, utcOffset } from '../../lib/format/time-zone-names';

const ZONES = supportedTimeZones();
const JAN = Date.UTC(2026, 0, 15, 12);
const JUL = Date.UTC(2026, 6, 15, 12);

describe('time zones as people look for them', () => {
  it('finds America/New_York from "new york", however it is typed, first', () => {
    for (const query of ['new york', 'New York', 'NEW_YORK', 'newyork', '  new   york ', 'york new'])
      expect(searchTimeZones(ZONES, query)[0], query).toBe('America/New_York');
  });

  it('ranks cities that start with the search before those that only contain it', () => {
    const found = searchTimeZones(ZONES, 'lo');
    expect(found.indexOf('Europe/London')).toBeGreaterThanOrEqual(0);
    expect(found.indexOf('Europe/London')).toBeLessThan(found.indexOf('Asia/Colombo'));
    expect(found).not.toContain('Europe/Berlin');
  });

  it('finds a city by a region word and by the name IANA gave it before a rename', () => {
    expect(searchTimeZones(ZONES, 'argentina san juan')).toEqual(['America/Argentina/San_Juan']);
    const kolkata = ZONES.includes('Asia/Kolkata') ? 'Asia/Kolkata' : 'Asia/Calcutta';
    expect(searchTimeZones(ZONES, 'kolkata')).toContain(kolkata);
    expect(searchTimeZones(ZONES, 'zzz')).toEqual([]);
  });

  it('lists every zone, UTC included, for an empty search, and keeps a stored zone the browser does not list', () => {
    expect(searchTimeZones(ZONES, '')).toEqual(ZONES);
    expect(ZONES).toContain('UTC');
    expect(supportedTimeZones('Etc/GMT+5')).toContain('Etc/GMT+5');
    expect(new Set(supportedTimeZones('UTC')).size).toBe(supportedTimeZones('UTC').length);
  });

  it('names a zone by its city, with spaces, and its region', () => {
    expect(describeTimeZone('America/Argentina/Buenos_Aires')).toEqual({
      id: 'America/Argentina/Buenos_Aires',
      city: 'Buenos Aires',
      region: 'America · Argentina',
    });
    expect(describeTimeZone('UTC')).toEqual({ id: 'UTC', city: 'UTC', region: null });
  });

  it('gives the offset in force at the moment asked, daylight saving included', () => {
    expect(utcOffset('America/New_York', JAN)).toBe('UTC−05:00');
    expect(utcOffset('America/New_York', JUL)).toBe('UTC−04:00');
    expect(utcOffset(ZONES.includes('Asia/Kolkata') ? 'Asia/Kolkata' : 'Asia/Calcutta', JAN)).toBe('UTC+05:30');
    expect(utcOffset('UTC', JAN)).toBe('UTC+00:00');
  });
});
