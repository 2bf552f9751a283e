// One of several processes racing for the same lock files: `node --import tsx lock-contender.ts <roundMs> <dir>...`.
// Prints "ready" and waits for a start time on stdin; in round r it tries to take the lock of the r-th directory at
// start + r × roundMs and prints "<round> won" or "<round> lost". Locks won are held until "exit" arrives on stdin,
// so a contender the scheduler runs late still meets a live holder, never a lock given back.
import { acquireLockFile, type LockFile } from '../../../server/src/db/lock-file';

const [roundMs, ...dirs] = process.argv.slice(2);
const round = Number(roundMs);
const sleep = (ms: number) => ms > 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

process.stdout.write('ready\n');
process.stdin.once('data', (data) => {
  const start = Number(String(data).trim());
  const held: LockFile[] = [];
  for (const [r, dir] of dirs.entries()) {
    const at = start + r * round;
    sleep(at - Date.now() - 3);
    while (Date.now() < at) {} // the last milliseconds spun, so every contender starts at the same instant
    try {
      held.push(acquireLockFile(dir));
      process.stdout.write(`${r} won\n`);
    } catch (error) {
      process.stdout.write(`${r} lost ${(error as Error).message.slice(0, 60)}\n`);
    }
  }
  process.stdout.write('done\n');
  process.stdin.once('data', () => {
    for (const lock of held) lock.release();
    process.exit(0);
  });
});
