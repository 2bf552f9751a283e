import type { SlaRule } from '@/lib/domain/sla-policy';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';

/**
 * The owners in a sentence, the last joined by "or": "AI, VA or setter". English without the serial comma, as the
 * preview has always read.
 */
function ownerList(t: Translate<MessageKey>, language: string, rule: SlaRule): string {
  const names = rule.ownerRoles.map((role) => t(`options.rule.who.${role}`));
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : language, { type: 'disjunction' }).format(names);
}

/** "15 working minutes", "7 days", "2 hours": a window's length in the largest whole unit. */
function windowLength(t: Translate<MessageKey>, minutes: number, working: boolean, beforeCall = false): string {
  if (minutes % (24 * 60) === 0 && !working)
    return t(beforeCall ? 'options.rule.daysBeforeCount' : 'options.rule.daysCount', { count: minutes / (24 * 60) });
  if (minutes % 60 === 0)
    return t(working ? 'options.rule.workingHoursCount' : 'options.rule.hoursCount', { count: minutes / 60 });
  return t(working ? 'options.rule.workingMinutesCount' : 'options.rule.minutesCount', { count: minutes });
}

/** A rule's preview sentence in the user's language: "New DM: AI, VA or setter replies within 15 working minutes". */
export function describeRule(t: Translate<MessageKey>, language: string, label: string, rule: SlaRule): string {
  const values = { label, who: ownerList(t, language, rule), trigger: rule.trigger };
  const w = rule.window;
  if (w.kind === 'end_of_coverage_day') return t('options.rule.preview.endOfDay', values);
  if (w.kind === 'before_call')
    return t('options.rule.preview.beforeCall', { ...values, duration: windowLength(t, w.minutes, false, true) });
  const working = rule.timeBasis === 'coverage';
  return t(working ? 'options.rule.preview.within' : 'options.rule.preview.withinCalendar', {
    ...values,
    duration: windowLength(t, w.minutes, working),
  });
}
