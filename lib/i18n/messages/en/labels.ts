// The pipeline's vocabulary, in English as the domain names it (lib/domain keeps the English labels for exports).
import { CALENDAR_EVENT_LABELS } from '../../../domain/calendar/calendar-labels';
import { HANDOFF_FIELD_LABELS, LANE_CONTEXT_LABELS } from '../../../domain/field-labels';
import { LANE_LABELS, LEAD_TYPE_LABELS, SOURCE_LABELS, STAGE_LABELS } from '../../../domain/pipeline-stages';
import { SLA_KIND_LABELS } from '../../../domain/review/sla-report';
import { ROLE_LABELS } from '../../../domain/roles';
import { ESCALATION_CATEGORY_LABELS } from '../../../domain/signals/escalation-triggers';
import { prefixed } from '../types';

export const labels = {
  ...prefixed('stage', STAGE_LABELS),
  ...prefixed('lane', LANE_LABELS),
  ...prefixed('source', SOURCE_LABELS),
  ...prefixed('leadType', LEAD_TYPE_LABELS),
  ...prefixed('role', ROLE_LABELS),
  ...prefixed('field', HANDOFF_FIELD_LABELS),
  ...prefixed('laneContext', LANE_CONTEXT_LABELS),
  ...prefixed('showed', { showed: 'Showed', no_show: 'No-show' }),
  ...prefixed('contextAccurate', { yes: 'Yes', partly: 'Partly', no: 'No' }),
  ...prefixed('escalation', ESCALATION_CATEGORY_LABELS),
  ...prefixed('slaKind', SLA_KIND_LABELS),
  ...prefixed('calendarEvent', CALENDAR_EVENT_LABELS),
};
