import { type ReviewWeek, shiftWeek, weekContaining, weekStarting } from '../../domain/review/review-week';
import { computeWeeklyReview } from '../../domain/review/weekly-review';
import { findStatusMismatches } from '../../domain/signals/status-mismatch';
import type { ParsedRequest } from '../../messaging/protocol';
import type { ReviewReply } from '../../messaging/responses';
import {
  historyForWeek,
  leadsForReview,
  loadReplacedWeekChanges,
  loadWeekChange,
  resolveReplacedWeekChange,
  saveWeekChange,
} from '../../storage/review-queries';
import { loadCalendar, loadPolicy } from '../../storage/settings-queries';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';

async function reviewWeek(services: BackgroundServices, monday: string | undefined): Promise<ReviewWeek> {
  const { timeZone } = await loadCalendar(services.db);
  return monday ? weekStarting(monday, timeZone) : weekContaining(services.now(), timeZone);
}

/** The week's review from the whole pipeline and the week's history, with this and last week's chosen change. */
async function getReview(services: BackgroundServices, req: ParsedRequest<'review.get'>): Promise<ReviewReply> {
  const { db } = services;
  const week = await reviewWeek(services, req.monday);
  const previous = shiftWeek(week, -1);
  const reading = historyForWeek(db, week);
  const [events, leads, members, change, previousChange, replaced, policy, calendar] = await Promise.all([
    reading,
    leadsForReview(db, reading),
    db.members.toArray(),
    loadWeekChange(db, week.monday),
    loadWeekChange(db, previous.monday),
    loadReplacedWeekChanges(db, week.monday),
    loadPolicy(db),
    loadCalendar(db),
  ]);
  const review = computeWeeklyReview({
    week,
    now: services.now(),
    leads,
    events,
    members,
    policy,
    calendar,
    // The stored lead alone (no thread text leaves the page): booked without a call time, vague lost reasons…
    mismatchesOf: (lead, now) => findStatusMismatches(lead, { now }).map((m) => m.detail),
  });
  return {
    review,
    change,
    previousChange: previousChange ? { ...previousChange, monday: previous.monday } : null,
    replaced,
    members,
  };
}

async function saveWeekChangeRequest(services: BackgroundServices, req: ParsedRequest<'review.saveChange'>) {
  const change = { text: req.text.trim(), updatedAt: services.now() };
  await saveWeekChange(services.db, req.monday, change);
  services.notifyChanged({ scopes: ['settings'] });
  return change;
}

async function resolveReplacedChange(services: BackgroundServices, req: ParsedRequest<'review.resolveReplaced'>) {
  const change = await resolveReplacedWeekChange(services.db, req.monday, req.replacedAt, req.restore, services.now());
  services.notifyChanged({ scopes: ['settings'] });
  return change;
}

/** The weekly review and the week's one change. */
export const reviewHandlers = {
  'review.get': getReview,
  'review.saveChange': saveWeekChangeRequest,
  'review.resolveReplaced': resolveReplacedChange,
} satisfies Handlers;
