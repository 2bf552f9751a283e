import { readSignedInAccount } from './read-account';

/**
 * Follows which Instagram account the page is signed in to: Instagram switches accounts without reloading the page.
 * Calls `onChange` at once with what the page shows now (undefined when it shows no account name), then on every
 * change. Only reads the page; never throws into it. Returns the cleanup.
 */
export function watchSignedInAccount(
  win: Window,
  onChange: (account: string | undefined) => void,
  options: { pollMs?: number } = {},
): () => void {
  let current: string | undefined;
  let first = true;
  let warned = false;
  const check = () => {
    try {
      const account = readSignedInAccount(win.document);
      if (!first && account === current) return;
      first = false;
      current = account;
      onChange(account);
    } catch (error) {
      if (!warned) console.warn('[dm-handoff] could not read the signed-in account', error);
      warned = true;
    }
  };
  check();
  const timer = setInterval(check, options.pollMs ?? 500);
  return () => clearInterval(timer);
}
