import type { MoveRefusal } from '../domain/pipeline-rules';
import { type Lane, STAGES, type Stage } from '../domain/pipeline-stages';
import type { PolicyUnreachable } from '../domain/sla-clock';
import type { MessageKey } from '../i18n/catalogs';
import type { Translate } from '../i18n/translator';

const isStage = (subject: Stage | Lane): subject is Stage => (STAGES as readonly string[]).includes(subject);

// The domain refuses with codes; these write them for the user, in their language, with the pipeline's own labels.

/** "A lead cannot move from New DM to Won." */
export function describeMoveRefusal(t: Translate<MessageKey>, refusal: MoveRefusal): string {
  switch (refusal.code) {
    case 'same_stage':
      return t('background.move.sameStage');
    case 'not_allowed':
      return t('background.move.notAllowed', { from: t(`stage.${refusal.from}`), to: t(`stage.${refusal.to}`) });
    case 'lost_reason_required':
      return t('background.move.lostReason');
    case 'nurture_reason_required':
      return t('background.move.nurtureReason');
    case 'nurture_date_required':
      return t('background.move.nurtureDate');
    case 'missing_context':
      return t('background.move.missingContext', {
        fields: refusal.missing.map((key) => t(`field.${key}`)).join(', '),
      });
  }
}

/** "New DM: the coverage calendar does not hold 15 working minutes within 400 days." */
export function describePolicyUnreachable(t: Translate<MessageKey>, problem: PolicyUnreachable): string {
  switch (problem.code) {
    case 'no_weekly_hours':
      return t('background.policy.noWeeklyHours');
    case 'never_opens':
      return t('background.policy.neverOpens', { days: problem.days });
    case 'window_too_long': {
      const subject = t(isStage(problem.subject) ? `stage.${problem.subject}` : `lane.${problem.subject}`);
      return problem.minutes % 60 === 0
        ? t('background.policy.windowTooLongHours', { subject, hours: problem.minutes / 60, days: problem.days })
        : t('background.policy.windowTooLong', { subject, minutes: problem.minutes, days: problem.days });
    }
  }
}
