import type { MoveRefusal } from '../domain/pipeline-rules';
import type { MessageKey } from './message-key';
import type { Translate } from './translator';

/**
 * Why the movement rules refused a stage move, in the reader's language: "A lead cannot move from New DM to Won."
 * The sidebar and the background's replies say it alike; `list` joins the missing fields ("source and goal").
 */
export function describeMoveRefusal(
  t: Translate<MessageKey>,
  refusal: MoveRefusal,
  list: (items: string[]) => string,
): string {
  switch (refusal.code) {
    case 'not_allowed':
      return t('move.refusal.not_allowed', { from: t(`stage.${refusal.from}`), to: t(`stage.${refusal.to}`) });
    case 'missing_context':
      return t('move.refusal.missing_context', { fields: list(refusal.missing.map((key) => t(`field.${key}`))) });
    default:
      return t(`move.refusal.${refusal.code}`);
  }
}
