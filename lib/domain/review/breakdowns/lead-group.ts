/** The leads behind a figure, so each count opens its list. */
export interface LeadGroup {
  leadIds: string[];
}
