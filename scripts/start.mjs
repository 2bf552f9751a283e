// `npm start`: the extension is built by the npm script before this runs; this says where it is and how to load it.
// (The team server joins this command when it lands: see README, "Team sync".)
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve('.output/chrome-mv3');
if (!existsSync(path.join(out, 'manifest.json'))) {
  console.error('The build did not produce .output/chrome-mv3/manifest.json: run "npm run build" and read its errors.');
  process.exit(1);
}
const zip = readdirSync('.output').find((f) => f.endsWith('-chrome.zip'));
console.log(`
DM Handoff is built.
  Unpacked extension: ${out}
  Packed zip:         ${zip ? path.resolve('.output', zip) : '(run "npm run zip")'}

Load it in Chrome: open chrome://extensions, switch on Developer mode, click "Load unpacked" and pick the folder above.
Then open https://www.instagram.com/direct/inbox/ and open a conversation: the DM Handoff panel sits beside it.
`);
