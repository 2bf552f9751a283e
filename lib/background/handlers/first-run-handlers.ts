import { browser } from 'wxt/browser';
import { type FirstRunChecklist, firstRunChecklist, type OptionsSection } from '../../domain/first-run';
import type { ParsedRequest } from '../../messaging/protocol';
import { readSetting, writeSetting } from '../../storage/setting-store';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';

/** What is left to set up, read in one transaction so the steps agree with each other. */
async function getFirstRun({ db }: BackgroundServices): Promise<FirstRunChecklist> {
  return db.transaction('r', [db.members, db.settings, db.leads], async () => {
    const [members, meId, calendarRow, hoursKept, leadCount, dismissed] = await Promise.all([
      db.members.toArray(),
      readSetting(db, 'meId'),
      // The calendar reads as the browser's defaults until someone saves it (or team sync brings the team's).
      db.settings.get('calendar'),
      readSetting(db, 'defaultHoursKept'),
      db.leads.count(),
      readSetting(db, 'firstRunDismissed'),
    ]);
    return firstRunChecklist({
      members: members.filter((m) => m.active),
      meId,
      hoursSaved: calendarRow !== undefined || hoursKept,
      leadCount,
      dismissed,
    });
  });
}

/** Sets one of this browser's checklist flags, tells open screens, and answers with the checklist as it now is. */
async function setChecklistFlag(
  services: BackgroundServices,
  flag: 'firstRunDismissed' | 'defaultHoursKept',
): Promise<FirstRunChecklist> {
  await writeSetting(services.db, flag, true);
  services.notifyChanged({ scopes: ['settings'] });
  return getFirstRun(services);
}

const dismissFirstRun = (services: BackgroundServices) => setChecklistFlag(services, 'firstRunDismissed');

/** The default hours are right as they are: the hours step is done, and nothing the team shares changes. */
const keepDefaultHours = (services: BackgroundServices) => setChecklistFlag(services, 'defaultHoursKept');

/** Each section's anchor on the options page. */
const OPTIONS_ANCHORS: Record<OptionsSection, string> = {
  team: 'team-heading',
  hours: 'coverage-heading',
};

/** Opens a section of the options page, on the workspace of the panel that asked (its account's settings). */
async function openOptions(
  services: BackgroundServices,
  req: ParsedRequest<'options.open'>,
): Promise<{ opened: true }> {
  const workspace = services.workspaceId ? `?workspace=${encodeURIComponent(services.workspaceId)}` : '';
  await browser.tabs.create({
    url: browser.runtime.getURL(`/options.html${workspace}#${OPTIONS_ANCHORS[req.section]}`),
  });
  return { opened: true };
}

/** The set-up checklist and the options page it opens. */
export const firstRunHandlers = {
  'firstRun.get': getFirstRun,
  'firstRun.dismiss': dismissFirstRun,
  'firstRun.keepHours': keepDefaultHours,
  'options.open': openOptions,
} satisfies Handlers;
