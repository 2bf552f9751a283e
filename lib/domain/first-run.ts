/**
 * The first-run checklist: what a new team sets up before the extension can keep its promises. Without a team nobody
 * owns a lead, without coverage hours every clock counts the browser's default hours, without "who am I" the badge
 * and popup cannot say what is yours, and until a lead is tracked there is nothing to time. No zod: the content
 * script shows it.
 */
export const FIRST_RUN_STEPS = ['team', 'hours', 'me', 'lead'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];

/** What the stored data says about each step. */
export interface FirstRunFacts {
  /** Active team members. */
  members: readonly { id: string }[];
  /** Who uses this browser (a member's id), if chosen. */
  meId: string | null;
  /** The team's coverage hours and time zone were saved, here or by the team (not the browser's defaults). */
  hoursSaved: boolean;
  leadCount: number;
  /** Someone hid the checklist on this browser. */
  dismissed: boolean;
}

export interface FirstRunChecklist {
  steps: { step: FirstRunStep; done: boolean }[];
  /** Shown until every step is done, or until it is hidden. */
  show: boolean;
}

export function firstRunChecklist(facts: FirstRunFacts): FirstRunChecklist {
  const done: Record<FirstRunStep, boolean> = {
    team: facts.members.length > 0,
    hours: facts.hoursSaved,
    // A removed member no longer counts as "me": the popup would show nobody's leads.
    me: facts.meId !== null && facts.members.some((m) => m.id === facts.meId),
    lead: facts.leadCount > 0,
  };
  const steps = FIRST_RUN_STEPS.map((step) => ({ step, done: done[step] }));
  return { steps, show: !facts.dismissed && steps.some((s) => !s.done) };
}

/** The options page's sections a step is set up in (each an anchor there). */
export const OPTIONS_SECTIONS = ['team', 'hours'] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];
