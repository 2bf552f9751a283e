import type { AlertSettings } from '../domain/alert-rules';
import type { BoardCard, BoardFilters } from '../domain/board-filter';
import type { CoverageCalendar } from '../domain/coverage-calendar';
import type { FirstRunChecklist } from '../domain/first-run';
import type { HistoryEvent } from '../domain/history';
import type { Lead } from '../domain/lead';
import type { UnsureMember } from '../domain/member-matching';
import type { ContextKey, MoveRefusal } from '../domain/pipeline-rules';
import type { Lane, Stage } from '../domain/pipeline-stages';
import type { ReplacedWeekChange, WeekChange } from '../domain/review/week-change';
import type { WeeklyReview } from '../domain/review/weekly-review';
import type { Role } from '../domain/roles';
import type { ClockState, SlaClock } from '../domain/sla-clock';
import type { SlaPolicy } from '../domain/sla-policy';
import type { TeamMember } from '../domain/team';
import type { TeamLists } from '../domain/team-lists';
import type { Language } from '../i18n/languages';
import type { BoardColumnPage } from '../storage/board-queries';
import type { SyncStatus } from '../storage/sync/sync-state';
import type { TeamSettingsAccess } from '../storage/sync/team-settings-access';
import type { CalendarStatus } from '../sync/calendar-protocol';
import type { OpenInvite } from '../sync/protocol';
import type { RequestName } from './protocol';
import type { Revision } from './revision';

/** A value as the background read or wrote it, with when (lib/messaging/revision.ts). */
export type Versioned<T> = T & { rev: Revision };

/** A lead as the sidebar and dashboard show it: the lead, its history (newest first) and its running clocks. */
export interface LeadView {
  rev: Revision;
  lead: Lead;
  history: HistoryEvent[];
  clocks: SlaClock[];
  owner: TeamMember | null;
  /** Required context of the current stage that is still empty. */
  missing: ContextKey[];
}

export interface AttentionItem {
  leadId: string;
  threadId: string;
  username?: string;
  displayName?: string;
  stage: Stage;
  lanes: Lane[];
  ownerId: string | null;
  ownerName?: string;
  dueAt: number;
  state: ClockState;
  /** ms past due (positive when overdue). */
  overdueMs: number;
  /** The Instagram account whose pipeline holds the lead, in the every-account view. */
  account?: string;
}

export interface Attention {
  overdue: AttentionItem[];
  dueSoon: AttentionItem[];
  /** Whose leads these are: the member set as "who am I" (`mine`), or everyone's. */
  scope: 'mine' | 'all';
  /** Whose leads the toolbar badge counts (Options → Notifications; everyone's while "who am I" is not set). */
  badgeScope: 'mine' | 'all';
  /** Whether "who am I" is set on this browser (without it, `mine` lists nothing). */
  meSet: boolean;
  /** Open leads (not won, lost or nurtured) in the scope, per stage; stages with none are left out. */
  openByStage: Partial<Record<Stage, number>>;
  /** Every account's leads, each item naming its account. */
  everyAccount: boolean;
}

/** One Instagram account's workspace on this browser, as switchers list it. */
export interface WorkspaceSummary {
  id: string;
  account: string | null;
  /** `@account` (or, before an account claimed it, what the first workspace is called). */
  label: string;
  /** The team it syncs with, when it is in one. */
  team: string | null;
}

/** A setting's last change: `by` is a member's name, or "you". */
export interface LastChange {
  by: string;
  at: number;
}

export interface ReviewReply {
  review: WeeklyReview;
  /** The change chosen in this week's review, and the one chosen the week before (shown beside the numbers). */
  change: WeekChange | null;
  previousChange: (WeekChange & { monday: string }) | null;
  /** This browser's texts for the week that a teammate's later save replaced (newest first), until dismissed. */
  replaced: ReplacedWeekChange[];
  members: TeamMember[];
}

/** The team as this browser knows it: active members, who uses this browser, and who may change team settings. */
export type TeamView = Versioned<{ members: TeamMember[]; meId: string | null; teamSettings: TeamSettingsAccess }>;

export interface PolicySettings {
  policy: SlaPolicy;
  calendar: CoverageCalendar;
}

/** The board's filters a browser keeps (the search box is not kept). */
export type StoredBoardFilters = Omit<BoardFilters, 'search'>;

export type MoveReply = { moved: true; view: LeadView } | { moved: false; refusal: MoveRefusal; message: string };

/**
 * A decided signal: the lead as it is now, or why accepting it could not move the lead (`refusal`, for screens to say
 * in their language; `canForce`: move anyway).
 */
export type SignalReply =
  | { done: true; view: LeadView }
  | { done: false; refusal: MoveRefusal; message: string; canForce: boolean };

/** What "Delete all data" removed, and the team this browser left (null when it was in none). */
export interface DeletedData {
  leads: number;
  history: number;
  members: number;
  settings: number;
  leftTeam: string | null;
}

/** The team's calendar connection, with the webhook addresses to paste into Calendly and Cal.com. */
export interface CalendarView extends CalendarStatus {
  webhookUrls: { calendly: string; calcom: string } | null;
}

/**
 * "Copy booking link" for a lead: the tracked link, or why there is none. `inTeam` false: tracking needs team sync
 * (the team server matches bookings to leads), so the sidebar does not offer it.
 */
export interface BookingLinkReply {
  url: string | null;
  inTeam: boolean;
  reason?: string;
}

/** The language chosen here (`auto` follows the browser), the one spoken, and its messages (ICU MessageFormat). */
export interface LanguageReply {
  choice: 'auto' | Language;
  language: Language;
  /** The language `auto` speaks: the browser's, or English when it is none of the five. */
  browser: Language;
  messages: Readonly<Record<string, string>>;
  rev: Revision;
}

export interface ResponseMap {
  ping: { version: string };
  /** `view` is null for a thread nobody tracks; `rev` says when that was read. */
  'lead.get': { view: LeadView | null; rev: Revision };
  'lead.track': LeadView;
  'lead.move': MoveReply;
  'lead.assign': LeadView;
  'lead.setHandoffField': LeadView;
  'lead.setDetail': LeadView;
  'lead.setLaneContext': LeadView;
  'lead.restoreField': LeadView;
  'lead.setLane': LeadView;
  'lead.setNextAction': LeadView;
  'lead.messagesSeen': LeadView | null;
  'lead.noReplyNeeded': LeadView;
  /** How many tracked leads the rows changed. */
  'threads.listSeen': { changed: number };
  'leads.attention': Attention;
  /** Every workspace, oldest first, and the one the request is for. */
  'workspaces.list': { workspaces: WorkspaceSummary[]; current: string };
  'team.get': TeamView;
  'team.saveMember': TeamView & { member: TeamMember };
  'team.removeMember': TeamView;
  'team.setMe': TeamView;
  'firstRun.get': FirstRunChecklist;
  'firstRun.dismiss': FirstRunChecklist;
  'firstRun.keepHours': FirstRunChecklist;
  'options.open': { opened: true };
  'alerts.get': Versioned<AlertSettings>;
  'alerts.save': Versioned<AlertSettings>;
  'i18n.get': LanguageReply;
  'i18n.save': LanguageReply;
  'board.get': { columns: BoardColumnPage[]; computedAt: number };
  'board.getFilters': Versioned<StoredBoardFilters>;
  'board.saveFilters': Versioned<StoredBoardFilters>;
  'board.column': BoardColumnPage;
  'leads.cards': BoardCard[];
  'review.get': ReviewReply;
  'review.saveChange': WeekChange;
  'review.noteFinding': LeadView;
  'review.resolveReplaced': WeekChange | null;
  'lists.get': Versioned<TeamLists>;
  'settings.lastChanges': { policy: LastChange | null; lists: LastChange | null };
  'lists.save': Versioned<TeamLists>;
  'policy.get': Versioned<PolicySettings>;
  'policy.save': Versioned<PolicySettings>;
  'lead.decideSignal': SignalReply;
  'data.deleteAll': DeletedData;
  'sync.status': SyncStatus;
  'sync.connect': SyncStatus;
  'sync.now': SyncStatus;
  'sync.signOut': SyncStatus;
  'sync.invite': { id?: string; code: string; role: Role; expiresAt: number };
  'sync.invites': OpenInvite[];
  'sync.cancelInvite': OpenInvite;
  'sync.members': TeamMember[];
  'sync.revoke': TeamMember;
  'sync.setRole': TeamMember;
  'calendar.get': CalendarView;
  'calendar.connect': CalendarView;
  'calendar.secret': { secret: string };
  'calendar.saveBookingUrl': CalendarView;
  'calendar.sendTest': CalendarView;
  'calendar.match': CalendarView;
  'calendar.dismiss': CalendarView;
  'calendar.bookingLink': BookingLinkReply;
  'sync.unmatchedMembers': UnmatchedMembers;
  'sync.matchMember': UnmatchedMembers;
}

/** Hand-added members waiting for the user to say who they are in the team, and the team members to pick from. */
export interface UnmatchedMembers {
  unsure: UnsureMember[];
  team: TeamMember[];
}

// Compile-time check that every request has a response type and vice versa.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const responsesCoverRequests: Exact<keyof ResponseMap, RequestName> = true;
