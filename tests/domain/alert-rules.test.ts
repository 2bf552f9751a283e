import { describe, expect, it } from 'vitest';
import {
  type AlertContext,
  type AlertFacts,
  badgeScope,
  DEFAULT_ALERT_SETTINGS,
  isInScope,
  shouldNotify,
} from '../../lib/domain/alert-rules';

const NOW = Date.UTC(2026, 2, 11, 11, 0);
const breach: AlertFacts = { kind: 'breach', subject: 'new_dm', ownerId: 'sam' };
const open: AlertContext = { meId: 'sam', coverageOpen: true, now: NOW };

describe('which alerts become desktop notifications', () => {
  it('notifies the owner of a breached lead during coverage', () => {
    expect(shouldNotify(breach, DEFAULT_ALERT_SETTINGS, open)).toBe(true);
  });

  it('keeps quiet outside coverage hours when quiet hours are on, and notifies when they are off', () => {
    const closed = { ...open, coverageOpen: false };
    expect(shouldNotify(breach, DEFAULT_ALERT_SETTINGS, closed)).toBe(false);
    expect(shouldNotify(breach, { ...DEFAULT_ALERT_SETTINGS, quietOutsideCoverage: false }, closed)).toBe(true);
  });

  it('keeps a snoozed lead quiet until the snooze ends', () => {
    expect(shouldNotify(breach, DEFAULT_ALERT_SETTINGS, { ...open, snoozedUntil: NOW + 60_000 })).toBe(false);
    expect(shouldNotify(breach, DEFAULT_ALERT_SETTINGS, { ...open, snoozedUntil: NOW })).toBe(true);
  });

  it('only notifies about my own leads when set to "mine", and about everyone’s when "who am I" is not set', () => {
    const someoneElses = { ...breach, ownerId: 'alex' };
    expect(shouldNotify(someoneElses, DEFAULT_ALERT_SETTINGS, open)).toBe(false);
    expect(shouldNotify(someoneElses, { ...DEFAULT_ALERT_SETTINGS, scope: 'all' }, open)).toBe(true);
    expect(shouldNotify(someoneElses, DEFAULT_ALERT_SETTINGS, { ...open, meId: null })).toBe(true);
    expect(isInScope(null, DEFAULT_ALERT_SETTINGS, 'sam')).toBe(false);
  });

  it('respects the kinds the user chose to receive', () => {
    const warning = { ...breach, kind: 'warning' as const };
    const noWarnings = { ...DEFAULT_ALERT_SETTINGS, warnings: false };
    expect(shouldNotify(warning, noWarnings, open)).toBe(false);
    expect(shouldNotify(breach, noWarnings, open)).toBe(true);
    expect(shouldNotify(breach, { ...DEFAULT_ALERT_SETTINGS, breaches: false }, open)).toBe(false);
  });

  it('always notifies an escalation: other owner, snoozed, quiet hours and all kinds off', () => {
    const escalation = { kind: 'breach' as const, subject: 'escalation' as const, ownerId: 'alex' };
    const everythingOff = { ...DEFAULT_ALERT_SETTINGS, warnings: false, breaches: false };
    expect(
      shouldNotify(escalation, everythingOff, { meId: 'sam', coverageOpen: false, now: NOW, snoozedUntil: NOW + 1e6 }),
    ).toBe(true);
  });
});

describe('whose leads the badge counts (and the popup opens on)', () => {
  it('is my own leads under "mine", everyone’s under "all", and everyone’s while "who am I" is not set', () => {
    expect(badgeScope(DEFAULT_ALERT_SETTINGS, 'sam')).toBe('mine');
    expect(badgeScope({ ...DEFAULT_ALERT_SETTINGS, scope: 'all' }, 'sam')).toBe('all');
    expect(badgeScope(DEFAULT_ALERT_SETTINGS, null)).toBe('all');
  });
});
