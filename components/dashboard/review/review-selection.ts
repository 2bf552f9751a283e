/** A set of leads a review number stands for, opened as a list below the numbers. */
export interface Selection {
  title: string;
  leadIds: string[];
  /** Why each lead counts, when the number knows. */
  reasons?: Record<string, string>;
}

export type SelectLeads = (selection: Selection) => void;
