// One of several processes racing for the same lock files: `node --import tsx lock-contender.ts <roundMs> <dir>...`.
// Prints "ready", waits for a start time on stdin, then in round r tries to take the lock of the r-th directory at
// start + r × roundMs, holding it until just before the round ends. Prints "<round> won" or "<round> lost".
import { acquireLockFile } from '../../../server/src/db/lock-file';

const [roundMs, ...dirs] = process.argv.slice(2);
const round = Number(roundMs);
const sleep = (ms: number) => ms > 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

process.stdout.write('ready\n');
process.stdin.once('data', (data) => {
  const start = Number(String(data).trim());
  for (const [r, dir] of dirs.entries()) {
    const at = start + r * round;
    sleep(at - Date.now() - 3);
    while (Date.now() < at) {} // the last milliseconds spun, so every contender starts at the same instant
    try {
      const lock = acquireLockFile(dir);
      process.stdout.write(`${r} won\n`);
      sleep(at + round * 0.9 - Date.now());
      lock.release();
    } catch (error) {
      process.stdout.write(`${r} lost ${(error as Error).message.slice(0, 60)}\n`);
    }
  }
  process.exit(0);
});
