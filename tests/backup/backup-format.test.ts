import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BACKUP_FORMAT,
  type Backup,
  backupHistoryEventSchema,
  MAX_LISTED_ERRORS,
  makeBackup,
  parseBackup,
  parseBackupJson,
} from '../../lib/backup/backup-format';
import { backupFileName, backupToJson } from '../../lib/backup/export-backup';
import { historyEventSchema } from '../../lib/domain/history';
import { closeDatabases, MEMBERS, MIN, SETTINGS, sampleHistory, sampleLeads, storedLead, T0 } from './backup-fixtures';

afterEach(closeDatabases);

const sampleBackup = (): Backup =>
  makeBackup({ leads: sampleLeads(), history: sampleHistory(), members: MEMBERS, settings: SETTINGS }, T0 + 5 * MIN, 3);

/** The backup as a file would hold it, as a plain object to damage. */
const asJson = (backup: Backup = sampleBackup()) => JSON.parse(backupToJson(backup)) as Record<string, unknown>;

const errorsOf = (text: string) => {
  const parsed = parseBackupJson(text);
  if (parsed.ok) throw new Error('expected the backup to be refused');
  return parsed.errors;
};

describe('parseBackupJson', () => {
  it('reads back what backupToJson wrote, unchanged', () => {
    const backup = sampleBackup();
    const parsed = parseBackupJson(backupToJson(backup));
    expect(parsed).toEqual({ ok: true, backup, fromVersion: 2 });
  });

  it('reads text as the team server can store it: U+0000 dropped, a lone surrogate replaced', () => {
    const backup = sampleBackup();
    const damaged = asJson(backup);
    const leads = damaged.leads as Record<string, unknown>[];
    leads[0]!.notes = 'call\u0000 back \ud83d';
    const parsed = parseBackupJson(JSON.stringify(damaged));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.backup.leads[0]!.notes).toBe('call back \ufffd');
  });

  it('writes one row per line so a person can read and search the file', () => {
    const text = backupToJson(sampleBackup());
    const lines = text.split('\n');
    expect(lines[0]).toContain(`"format":"${BACKUP_FORMAT}"`);
    expect(lines.filter((line) => line.includes('"threadId"'))).toHaveLength(sampleLeads().length);
  });

  it('says the file is cut off, and where, when it ends in the middle', () => {
    const text = backupToJson(sampleBackup());
    const cut = text.slice(0, Math.floor(text.length / 2));
    const errors = errorsOf(cut);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^The file is cut off \(invalid JSON at position \d+, line \d+ column \d+\)/);
    expect(errors[0]).toContain(`position ${cut.trimEnd().length}`);
  });

  it('says where a file that is not JSON goes wrong', () => {
    expect(errorsOf('{"format": "dm-handoff-backup", oops}')[0]).toMatch(
      /^The file is not valid JSON \(error at position 32: Expected double-quoted property name\)\.$/,
    );
    expect(errorsOf('   ')).toEqual(['The file is empty.']);
  });

  it('refuses JSON that is not a DM Handoff backup', () => {
    for (const foreign of ['[1, 2, 3]', '"hello"', 'null', '{"leads": []}', '{"format": "other-app", "version": 2}']) {
      const errors = errorsOf(foreign);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^Not a DM Handoff backup/);
    }
  });

  it('asks for an update when the backup comes from a newer release, and refuses unknown versions', () => {
    expect(errorsOf(JSON.stringify({ ...asJson(), version: 3 }))[0]).toMatch(/newer version of DM Handoff.*format 3/);
    expect(errorsOf(JSON.stringify({ ...asJson(), version: 'two' }))).toEqual(['Unknown backup format version "two".']);
    expect(errorsOf(JSON.stringify({ ...asJson(), version: undefined }))).toEqual([
      'Unknown backup format version null.',
    ]);
  });

  it('names the invalid lead by its index, its username and the field, from zod issue paths', () => {
    const file = asJson();
    const leads = file.leads as Record<string, unknown>[];
    leads[0] = { ...leads[0], stage: 'maybe' };
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^leads\[0\] \(@runner_ana\)\.stage: Invalid option/);
  });

  it('names nested fields and rows without a username', () => {
    const file = asJson();
    const leads = file.leads as Record<string, Record<string, unknown>>[];
    leads[2] = { ...leads[2]!, fields: { callAt: -5 } };
    const history = file.history as Record<string, unknown>[];
    history[1] = { ...history[1], to: 'not-a-stage' };
    const members = file.members as Record<string, unknown>[];
    members[0] = { ...members[0], name: '' };
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toEqual([
      'leads[2].fields.callAt: Too small: expected number to be >=0',
      expect.stringMatching(/^history\[1\] \(lead lead-1\)\.to: Invalid option: expected one of "new_dm"\|/),
      'members[0].name: A team member needs a name',
    ]);
  });

  it('names a setting whose value the extension could not use', () => {
    const file = asJson();
    const settings = file.settings as { key: string; value: unknown }[];
    const policy = settings.find((row) => row.key === 'policy')!;
    policy.value = { ...(policy.value as object), nextActionWarnMinutes: -1 };
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toEqual([
      expect.stringMatching(/^settings\[0\] \(policy\)\.value\.nextActionWarnMinutes: Too small/),
    ]);
  });

  it('refuses two leads of one Instagram thread, and duplicate ids, which the database could not hold', () => {
    const file = asJson();
    const leads = file.leads as Record<string, unknown>[];
    leads[3] = { ...leads[3], threadId: leads[1]!.threadId };
    leads.push({ ...leads[0] });
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toEqual([
      'leads[4] (@runner_ana).id: The id "lead-1" is already used by leads[0]',
      'leads[3] (@nurture_nia).threadId: The Instagram thread "threadlead-2" is already used by leads[1]',
      'leads[4] (@runner_ana).threadId: The Instagram thread "threadlead-1" is already used by leads[0]',
    ]);
  });

  it(`lists at most ${MAX_LISTED_ERRORS} problems and says how many more there are`, () => {
    const file = asJson(
      makeBackup(
        {
          leads: Array.from({ length: 70 }, (_, i) => storedLead(`l${i}`)),
          history: [],
          members: [],
          settings: [],
        },
        T0,
        3,
      ),
    );
    for (const lead of file.leads as Record<string, unknown>[]) lead.notes = 42;
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors.at(-1)).toBe('…and 20 more problems.');
  });
});

describe('backups of format version 1', () => {
  /** A lead as schema v1 stored it: lanes as an object mapping each raised lane to when it was raised. */
  const v1Lead = (lead: Record<string, unknown>, lanes?: Record<string, number>) => {
    const { lanes: _lanes, laneSince: _laneSince, warnAt: _warnAt, ...rest } = lead;
    return lanes === undefined ? rest : { ...rest, lanes };
  };

  it('are migrated like the v1 -> v2 database upgrade: lanes become a list and when each was raised', () => {
    const current = asJson();
    const [ana, ben, lost] = current.leads as Record<string, unknown>[];
    const v1 = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: T0,
      leads: [
        v1Lead(ana!, {}),
        v1Lead(ben!, { no_show_risk: T0 - 5 * MIN, escalation: T0 - 2 * MIN }),
        // A lead stored before lanes existed at all.
        v1Lead(lost!),
      ],
      history: current.history,
      members: current.members,
      settings: current.settings,
    };
    const parsed = parseBackup(v1);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.fromVersion).toBe(1);
    expect(parsed.backup.version).toBe(2);
    expect(parsed.backup.leads[1]).toEqual({
      ...ben,
      lanes: ['no_show_risk', 'escalation'],
      laneSince: { no_show_risk: T0 - 5 * MIN, escalation: T0 - 2 * MIN },
      warnAt: null,
    });
    expect(parsed.backup.leads[0]).toMatchObject({ lanes: [], laneSince: {}, warnAt: null, notes: ana!.notes });
    expect(parsed.backup.leads[2]).toMatchObject({ lanes: [], laneSince: {}, lostReason: 'Not a fit' });
    expect(parsed.backup.history).toEqual(sampleHistory());
  });

  it('are checked against the v1 shape, with the same clear errors', () => {
    const current = asJson();
    const [ana] = current.leads as Record<string, unknown>[];
    const v1 = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: T0,
      leads: [v1Lead(ana!, { escalation: 'soon' } as never)],
    };
    const parsed = parseBackup({ ...v1, history: [], members: [], settings: [] });
    expect(parsed).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^leads\[0\] \(@runner_ana\)\.lanes\.escalation: /)],
    });
  });
});

describe('backupFileName', () => {
  it('names the file after the UTC date and minute, so backups sort by date', () => {
    expect(backupFileName(Date.UTC(2026, 2, 11, 14, 5))).toBe('dm-handoff-backup-2026-03-11-1405.json');
  });
});

describe('the history event check of a backup', () => {
  const events: unknown[] = [
    ...sampleHistory(),
    { ...sampleHistory()[1]!, to: 'nowhere' },
    { ...sampleHistory()[0]!, type: 'unknown_type' },
    { ...sampleHistory()[0]!, actor: { memberId: 'm', role: 'boss' } },
    { ...sampleHistory()[3]!, extra: 'dropped like the domain schema drops it' },
    { id: 'x', leadId: 'y', at: 1, type: 'lead_created' },
    { ...sampleHistory()[4]!, metAt: undefined },
  ];

  it('is the domain schema flattened into one union, for speed', () => {
    expect(backupHistoryEventSchema).not.toBe(historyEventSchema);
    expect(backupHistoryEventSchema).toBeInstanceOf(z.ZodDiscriminatedUnion);
  });

  it.each(events.map((event, i) => [i, event]))(
    'accepts and returns what the domain schema does (event %i)',
    (_, event) => {
      const flat = backupHistoryEventSchema.safeParse(event);
      const domain = historyEventSchema.safeParse(event);
      expect(flat.success).toBe(domain.success);
      expect(flat.data).toEqual(domain.data);
    },
  );
});
