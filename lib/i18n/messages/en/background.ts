// The background's words: desktop notifications, the toolbar button's tooltip and menu, and the refusals and errors
// it sends to pages.
export const background = {
  'background.alert.breach': 'Overdue: {who}',
  'background.alert.reminder': 'Still overdue: {who}',
  'background.alert.warning': 'Due soon: {who}',
  'background.alert.someLead': 'A lead',
  'background.alert.noOwner': 'no owner',
  'background.alert.openThread': 'Open thread',
  'background.alert.snooze': 'Snooze',
  'background.escalation.title': 'Escalation: {who}',
  'background.escalation.message': '"{words}" · human reply only · {owner}',
  'background.escalation.messageNoWords': 'human reply only · {owner}',

  'background.badge.overdue': 'DM Handoff: {count, plural, one {# lead overdue} other {# leads overdue}}',
  'background.badge.warning': 'DM Handoff: {count, plural, one {# lead due soon} other {# leads due soon}}',
  'background.badge.clear': 'DM Handoff: every lead is on time',

  'background.menu.openBoard': 'Open the pipeline board',
  'background.menu.openReview': 'Open the weekly review',

  'background.error.malformed': 'Malformed message: {details}',
  'background.error.unknownRequest': 'Unknown request "{name}"',
  'background.error.invalidRequest': 'Invalid "{name}" request: {details}',
  'background.error.newerDatabase':
    'Your DM Handoff data was saved by a newer version of the extension. Update DM Handoff (chrome://extensions, Update) to open it; nothing was changed.',
  'background.error.storageFull': 'Browser storage is full: nothing was saved. Free some disk space, then try again.',
  'background.error.internal': 'Something went wrong while handling "{name}": {details}',
  'background.error.leadGone': 'This lead no longer exists. It may have been deleted on another device.',
  'background.error.leadNotTracked': 'This lead is no longer tracked.',
  'background.error.notesFull': 'This lead’s notes are full: shorten them, then add the finding.',
  'background.error.restoreMissing': 'That change is not in this lead’s history, or had no earlier text.',
  'background.error.restoreNoLongerFits': 'That earlier value no longer fits this field.',
  'background.error.memberGone': 'That team member no longer exists.',
  'background.error.syncUnavailable': 'Team sync is not available in this context.',
  'background.error.coachOnly': 'Only the coach can change these settings.',
  'background.teamSettings.askCoaches': '{team} shares these settings: only its coach can change them. Ask {coaches}.',
  'background.teamSettings.askTheCoach': '{team} shares these settings: only its coach can change them. Ask the coach.',
  'background.booking.noLink': 'Your team has no booking link yet: a coach adds it in Options → Connect a calendar.',

  'background.policy.noWeeklyHours': 'The coverage calendar has no open hours in its week.',
  'background.policy.neverOpens': 'The coverage calendar has no open hours within {days} days.',
  'background.policy.windowTooLong':
    '{subject}: the coverage calendar does not hold {minutes, plural, one {# working minute} other {# working minutes}} within {days} days.',
  'background.policy.windowTooLongHours':
    '{subject}: the coverage calendar does not hold {hours, plural, one {# working hour} other {# working hours}} within {days} days.',

  'background.sync.notInTeam': 'This browser is not in a team yet',
  'background.sync.alreadyInTeam':
    'This browser is already in a team: leave it first (changes not yet sent would be lost).',
  'background.sync.notAnAddress': '"{input}" is not a web address. Enter it like https://sync.example.com',
  'background.sync.httpsOnly': 'The server address must start with https:// (or http:// for a local server)',
  'background.sync.timedOut': 'The team server did not answer within {seconds} s',
  'background.sync.unreachable': 'Cannot reach the team server (offline, or the server is down)',
  'background.sync.answered': 'The team server answered {status}',
  'background.sync.garbage': 'The team server sent an answer DM Handoff does not understand',
  'background.sync.memberMatched': 'That member was already matched, or the team member is gone.',
  'background.sync.setAside':
    'The team server fails on this change every time ({details}); it was set aside so the rest can sync',
  'background.sync.failed': 'Sync failed: {details}',

  'background.backup.tooLarge': 'This file is too large to be a DM Handoff backup.',
  'background.backup.unreadable': 'The file could not be read.',
  'background.backup.notReceived': 'The file did not reach the extension. Choose it again.',
  'background.backup.chooseFirst': 'Choose a backup file first.',
  'background.backup.checking': 'Checking every lead and event…',
  'background.backup.importing': 'Importing…',
  'background.backup.teamSettingsKept':
    'The SLA policy, coverage hours and lists in this file are not imported: {reason}',
  'background.workspace.unclaimed': 'This browser’s pipeline',
  'background.workspace.gone': 'That account’s pipeline is no longer on this browser.',
  'background.workspace.notUsername': '“{name}” is not an Instagram username.',
} as const;
