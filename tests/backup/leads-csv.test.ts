import { afterEach, describe, expect, it } from 'vitest';
import { exportLeadsCsv, LEAD_CSV_HEADER, leadsCsvFileName, leadsToCsv } from '../../lib/backup/leads-csv';
import { csvCell } from '../../lib/format/csv';
import { CALENDAR, closeDatabases, filledDatabase, MEMBERS, sampleLeads, storedLead, T0 } from './backup-fixtures';

/** The fixtures' team works in Berlin (UTC+1 in March, UTC+2 in summer). */
const BERLIN = { timeZone: CALENDAR.timeZone };

afterEach(closeDatabases);

/**
 * RFC 4180, read the way a spreadsheet does: fields separated by commas, records by CRLF, a quoted field may hold
 * commas, line breaks and doubled quotes. Written independently of the exporter, so a round trip proves the quoting.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('The last record does not end with CRLF');
  return records;
}

/** The CSV as one object per lead, keyed by column name. */
function readLeadsCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    expect(row).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((name, i) => [name, row[i]!]));
  });
}

describe('leadsToCsv', () => {
  it('has one row per lead under stable, documented column names', () => {
    const text = leadsToCsv(sampleLeads(), MEMBERS, BERLIN);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...LEAD_CSV_HEADER]);
    expect(header!.slice(0, 25)).toEqual([
      'id',
      'username',
      'display_name',
      'thread_id',
      'stage',
      'stage_entered_at',
      'lanes',
      'owner',
      'owner_id',
      'source',
      'trigger',
      'lead_type',
      'first_message',
      'next_action',
      'next_action_due',
      'sla_due',
      'created_at',
      'updated_at',
      'last_inbound_at',
      'last_outbound_at',
      'unanswered_since',
      'lost_reason',
      'nurture_reason',
      'nurture_until',
      'notes',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['goal', 'why_now', 'call_at', 'call_prep', 'link_sent_by', 'escalation_owner']),
    );
    expect(new Set(header).size).toBe(header!.length);
    expect(rows).toHaveLength(sampleLeads().length);
  });

  it('writes choices by their labels, times as the team’s wall time with its offset, lanes "; "-joined and owner names', () => {
    const [ana, ben, lost] = readLeadsCsv(leadsToCsv(sampleLeads(), MEMBERS, BERLIN));
    expect(ana).toMatchObject({
      id: 'lead-1',
      username: 'runner_ana',
      stage: 'Qualified',
      owner: 'Sam Setter',
      owner_id: 'm-setter',
      source: 'Story reply',
      lead_type: 'New',
      next_action: 'Send the case study 📎',
      // T0 is 09:00 UTC, 10:00 in Berlin.
      next_action_due: '2026-03-11T11:00:00+01:00',
      created_at: '2026-03-10T10:00:00+01:00',
      last_inbound_at: '2026-03-11T09:50:00+01:00',
      lanes: '',
      call_at: '',
    });
    expect(ben).toMatchObject({
      stage: 'Booked call',
      lanes: 'No-show risk; Escalation',
      owner: 'Chloé Coach 🧘',
      link_sent_by: 'Sam Setter',
      escalation_owner: 'Chloé Coach 🧘',
      no_show_reason: 'Went quiet',
      call_at: '2026-03-12T12:00:00+01:00',
    });
    // An owner who left the team: no name, the id still there.
    expect(lost).toMatchObject({ owner: '', owner_id: 'm-gone', lost_reason: 'Not a fit', next_action: '' });
  });

  it('keeps each choice’s stable key in its own column at the end', () => {
    const [ana, ben] = readLeadsCsv(leadsToCsv(sampleLeads(), MEMBERS, BERLIN));
    expect(LEAD_CSV_HEADER.slice(-6)).toEqual([
      'stage_code',
      'lanes_code',
      'source_code',
      'lead_type_code',
      'showed_code',
      'context_accurate_code',
    ]);
    expect(ana).toMatchObject({ stage_code: 'qualified', source_code: 'story_reply', lead_type_code: 'new' });
    expect(ben).toMatchObject({ stage_code: 'booked', lanes_code: 'no_show_risk; escalation' });
    const commented = storedLead('c', {
      source: 'comment_to_dm',
      fields: { showed: 'no_show', contextAccurate: 'partly' },
    });
    expect(readLeadsCsv(leadsToCsv([commented], MEMBERS, BERLIN))[0]).toMatchObject({
      source: 'Reel / post comment',
      source_code: 'comment_to_dm',
      showed: 'No-show',
      showed_code: 'no_show',
      context_accurate: 'Partly',
      context_accurate_code: 'partly',
    });
  });

  it('writes each time with the offset that held then, across daylight saving', () => {
    const summer = storedLead('s', { fields: { callAt: Date.UTC(2026, 6, 1, 16, 30) } });
    expect(readLeadsCsv(leadsToCsv([summer], MEMBERS, BERLIN))[0]!.call_at).toBe('2026-07-01T18:30:00+02:00');
    expect(readLeadsCsv(leadsToCsv([summer], MEMBERS, { timeZone: 'America/New_York' }))[0]!.call_at).toBe(
      '2026-07-01T12:30:00-04:00',
    );
    expect(readLeadsCsv(leadsToCsv([summer], MEMBERS, { timeZone: 'UTC' }))[0]!.call_at).toBe(
      '2026-07-01T16:30:00+00:00',
    );
  });

  it('keeps quotes, commas, line breaks and emoji intact through an RFC 4180 reader', () => {
    const tricky = storedLead('tricky', {
      displayName: 'Ana "the runner", 🏃‍♀️',
      notes: 'Line one, with a comma\r\nLine two "quoted"\nLine three; semicolon',
      fields: { callPrep: '"""', goal: ',' },
    });
    const [row] = readLeadsCsv(leadsToCsv([tricky], MEMBERS, BERLIN));
    expect(row).toMatchObject({
      display_name: 'Ana "the runner", 🏃‍♀️',
      notes: 'Line one, with a comma\r\nLine two "quoted"\nLine three; semicolon',
      call_prep: '"""',
      goal: ',',
    });
  });

  it('neutralises formula injection with a leading apostrophe (OWASP)', () => {
    const lead = storedLead('evil', { notes: "=cmd|' /C calc'!A0", username: 'ok_name' });
    const text = leadsToCsv([lead], MEMBERS, BERLIN);
    expect(text).not.toContain('"=cmd');
    const [row] = readLeadsCsv(text);
    expect(row!.notes).toBe("'=cmd|' /C calc'!A0");
    expect(row!.username).toBe('ok_name');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    ['', ''],
  ])('a cell %j is written as %j', (value, expected) => {
    expect(parseCsv(`${csvCell(value)}\r\n`)).toEqual([[expected]]);
  });

  it('starts with a byte order mark and ends records with CRLF, as Excel expects', () => {
    const text = leadsToCsv(sampleLeads(), MEMBERS, BERLIN);
    expect(text.startsWith('\uFEFF"id","username"')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(leadsToCsv([], MEMBERS, { ...BERLIN, bom: false })).toBe(
      `${LEAD_CSV_HEADER.map((name) => `"${name}"`).join(',')}\r\n`,
    );
  });

  it('names the file after the date in the team’s time zone', () => {
    expect(leadsCsvFileName(T0, 'Europe/Berlin')).toBe('dm-handoff-leads-2026-03-11.csv');
    // 09:00 UTC on the 11th is still the 10th in Honolulu.
    expect(leadsCsvFileName(T0, 'Pacific/Honolulu')).toBe('dm-handoff-leads-2026-03-10.csv');
  });
});

describe('exportLeadsCsv', () => {
  it('writes every lead of the database, oldest first, with owner names and the team’s time zone', async () => {
    const db = await filledDatabase();
    await db.leads.put(storedLead('a-newest', { createdAt: T0, username: 'newest' }));
    const { text, fileName } = await exportLeadsCsv(db, T0);
    expect(fileName).toBe('dm-handoff-leads-2026-03-11.csv');
    const rows = readLeadsCsv(text);
    expect(rows.at(-1)!.created_at).toBe('2026-03-11T10:00:00+01:00');
    expect(rows.map((row) => row.id)).toEqual(['lead-1', 'lead-2', 'lead-3', 'lead-4', 'a-newest']);
    expect(rows[1]!.owner).toBe('Chloé Coach 🧘');
  });
});
