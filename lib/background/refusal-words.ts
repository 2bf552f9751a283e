import { type Lane, STAGES, type Stage } from '../domain/pipeline-stages';
import type { MoveRefusal } from '../domain/pipeline-rules';
import type { PolicyUnreachable } from '../domain/sla-clock';
import type { MessageKey } from '../i18n/catalogs';
import { describeMoveRefusal } from '../i18n/move-refusal';
import type { Translate } from '../i18n/translator';
import type { DmHandoffDatabase } from '../storage/database';
import { translatorIn } from './language';
import { replyLanguage } from './words';

const isStage = (subject: Stage | Lane): subject is Stage => (STAGES as readonly string[]).includes(subject);

// The domain refuses with codes; this writes them for the user, in their language, with the pipeline's own labels
// (a refused stage move: lib/i18n/move-refusal.ts).

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

/** A refused stage move, as the user's language says it (the sidebar shows the same sentence). */
export async function sayMoveRefusal(db: DmHandoffDatabase, refusal: MoveRefusal): Promise<string> {
  const language = await replyLanguage(db);
  const fields = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  return describeMoveRefusal(translatorIn(language), refusal, (items) => fields.format(items));
}
