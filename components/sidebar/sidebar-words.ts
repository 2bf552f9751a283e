import { FIELD_VALUE_LABELS, HANDOFF_FIELD_LABELS, LANE_CONTEXT_LABELS } from '@/lib/domain/field-labels';
import type { LaneContext } from '@/lib/domain/lead';
import type { ContextKey } from '@/lib/domain/pipeline-rules';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';

// The domain's names and refusals in the sidebar's language: the domain keeps codes (and English for exports), the
// sidebar says them with the catalog.

export type T = Translate<MessageKey>;

/** Text a lead or teammate wrote, in the language's quotation marks. */
export const quote = (t: T, text: string) => t('sidebar.quote', { text });

const LEAD_DETAIL_FIELDS = ['username', 'displayName', 'notes', 'lostReason', 'nurtureReason', 'nurtureUntil'] as const;
type LeadDetailField = (typeof LEAD_DETAIL_FIELDS)[number];

/** A field of a lead by name: a handoff field, a lane's context, or one of the lead's own details. */
export function fieldName(t: T, field: string): string {
  if (field in HANDOFF_FIELD_LABELS) return t(`field.${field as ContextKey}`);
  if (field in LANE_CONTEXT_LABELS) return t(`laneContext.${field as keyof LaneContext}`);
  if ((LEAD_DETAIL_FIELDS as readonly string[]).includes(field)) return t(`sidebar.field.${field as LeadDetailField}`);
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** A chosen value by its label (a source, a lead type, showed / no-show…), or undefined when the field has no choices. */
export function choiceName(t: T, field: string, value: string): string | undefined {
  const choices = FIELD_VALUE_LABELS[field];
  if (!choices) return undefined;
  return value in choices ? t(`${field}.${value}` as MessageKey) : value;
}
