// The Instagram handle a lead typed on a booking form ("@jess.fitlife", "instagram.com/jess.fitlife/", "Jess.FitLife").

const HANDLE = /^[a-z0-9._]{1,30}$/;

/**
 * The handle in a form answer, lower case and without "@", or undefined when the answer does not read as exactly one
 * handle (a sentence, two handles, a name with spaces): the fallback match must never guess.
 */
export function instagramHandleOf(answer: string): string | undefined {
  let text = answer.trim().toLowerCase();
  const profile = /^(?:https?:\/\/)?(?:www\.)?instagram\.com\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(text);
  if (profile) text = profile[1] ?? '';
  text = text.replace(/^@/, '');
  return HANDLE.test(text) && !/^\.|\.$|\.\./.test(text) ? text : undefined;
}

/** A booking-form question (or a field's key) that asks for the Instagram handle: "Your Instagram?", "IG handle", `ig_handle`. */
export const asksForInstagram = (question: string) => /instagram|(?:^|[^a-z])(?:insta|ig)(?:[^a-z]|$)/i.test(question);
