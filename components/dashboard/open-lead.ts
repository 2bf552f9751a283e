/** What opens a lead's drawer, from the board or a review list. */
export interface OpenLeadRequest {
  threadId: string;
  title: string;
  /** The lead's id: when the control that opened the drawer is gone, focus goes back to the lead's card. */
  leadId?: string;
  /** Shown at the top of the drawer (a move still waiting for it, say). */
  note?: string;
  /** Called once the drawer has closed, before focus goes back. */
  onClosed?: () => void;
}

export type OpenLead = (request: OpenLeadRequest) => void;

const canTakeFocus = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && el.checkVisibility() && !el.closest('[inert]');

/**
 * Puts focus back where the drawer was opened from: the card or button, else the lead's card (a card the drawer's
 * changes moved to another column is drawn anew). Waits a frame, so a dialog the close brings back is open first.
 */
export function returnFocus(opener: Element | null, leadId: string | undefined): void {
  requestAnimationFrame(() => {
    const card = leadId ? document.querySelector(`[data-lead-id="${CSS.escape(leadId)}"]`) : null;
    const target = [opener, card].find(canTakeFocus);
    target?.focus();
  });
}
