// `npm start`: the extension is built by the npm script before this runs; this says where it is and how to load it.
// Then it runs the team sync server on its embedded database (PGlite in .data/server) until Ctrl+C.
import { spawn } from 'node:child_process';
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

const port = process.env.PORT ?? '8787';
console.log(`Starting the team sync server on http://127.0.0.1:${port} (embedded database in .data/server).
In the extension's settings, under "Team sync", use that address to create your team. Ctrl+C stops the server.
`);
const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/src/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
