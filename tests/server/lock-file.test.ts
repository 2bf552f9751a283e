import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLockFile } from '../../server/src/db/lock-file';
import { openPgliteDb } from '../../server/src/db/pglite-db';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmh-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const writeLock = (dir: string, content: unknown) =>
  writeFileSync(path.join(dir, 'server.lock'), typeof content === 'string' ? content : JSON.stringify(content));

const procStat = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, startTime: fields[19]! };
};
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
/** A lock as this release writes it, naming `pid` with its real start time (or the one given). */
const lockOf = (pid: number, extra: Record<string, unknown> = {}) => ({
  pid,
  startTime: procStat(pid).startTime,
  bootId: bootId(),
  host: os.hostname(),
  token: 'someone-else',
  ...extra,
});

/** A process that stays running (`sleep 30`), once it runs sleep (just after the fork it is still a Node process). */
async function liveProcess(): Promise<number> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  const pid = child.pid!;
  const cmdline = () => readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  for (let i = 0; i < 100 && !cmdline().startsWith('sleep'); i++) await new Promise((r) => setTimeout(r, 20));
  return pid;
}

/** A zombie: a child of `sh` that exits while sh (exec'd into sleep) never reaps it. */
async function zombieProcess(): Promise<number> {
  const child = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  const pid = await new Promise<number>((resolve) => child.stdout!.once('data', (d) => resolve(Number(String(d)))));
  for (let i = 0; i < 100 && procStat(pid).state !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20));
  expect(procStat(pid).state).toBe('Z');
  return pid;
}

describe('the PGlite data directory lock', () => {
  it('is exclusive within a process, and free again once released', () => {
    const dir = tempDir();
    const lock = acquireLockFile(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(() => acquireLockFile(dir)).toThrow(/is in use by process/);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquireLockFile(dir).release();
  });

  it('is refused while another live server holds it', async () => {
    const dir = tempDir();
    const holder = await liveProcess();
    writeLock(dir, lockOf(holder));
    expect(() => acquireLockFile(dir)).toThrow(new RegExp(`in use by process ${holder}`));
    await expect(openPgliteDb(dir)).rejects.toThrow(/is in use by process/);
    expect(readdirSync(dir)).toEqual(['server.lock']); // PGlite never touched the directory
  });

  it('takes over a lock left by a process that no longer runs, old format or new', () => {
    for (const content of ['999999999', lockOf(process.pid, { pid: 999_999_999 })]) {
      const dir = tempDir();
      writeLock(dir, content);
      acquireLockFile(dir).release();
    }
  });

  it('takes over a lock naming this very process, left by an earlier one with the same pid (container restart)', () => {
    for (const content of [String(process.pid), lockOf(process.pid, { startTime: '1', token: 'earlier' })]) {
      const dir = tempDir();
      writeLock(dir, content);
      acquireLockFile(dir).release();
    }
  });

  it('takes over a lock naming a zombie, or a live process that is not the server that wrote it', async () => {
    const zombie = await zombieProcess();
    const other = await liveProcess();
    for (const content of [
      String(zombie),
      lockOf(zombie),
      String(other), // a live pid, but no Node server
      lockOf(other, { startTime: '12345' }), // the pid was reused by another process since
    ]) {
      const dir = tempDir();
      writeLock(dir, content);
      acquireLockFile(dir).release();
    }
  });

  it('trusts a lock from another host while its holder keeps touching it', () => {
    const dir = tempDir();
    writeLock(dir, lockOf(process.pid, { host: 'other-host', token: 'theirs' }));
    expect(() => acquireLockFile(dir)).toThrow(/in use/);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(path.join(dir, 'server.lock'), twoMinutesAgo, twoMinutesAgo);
    acquireLockFile(dir).release();
  });

  it('goes to exactly one of many servers starting at once, over a stale lock or none', async () => {
    const ROUNDS = 30;
    const CONTENDERS = 8;
    const roundDirs = Array.from({ length: ROUNDS }, (_, r) => {
      const dir = tempDir();
      if (r % 5 !== 0) writeLock(dir, r % 2 ? '999999999' : lockOf(process.pid, { pid: 999_999_999 }));
      return dir;
    });
    const script = path.resolve(import.meta.dirname, 'support/lock-contender.ts');
    const outputs = Array.from({ length: CONTENDERS }, () => '');
    const procs = outputs.map((_, i) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, '100', ...roundDirs], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      children.push(child);
      child.stdout!.on('data', (d) => {
        outputs[i] += d;
      });
      return child;
    });
    const exited = procs.map((child) => new Promise((resolve) => child.on('exit', resolve)));
    await waitFor(() => outputs.every((o) => o.includes('ready')), 60_000);
    const start = Date.now() + 300;
    for (const child of procs) child.stdin!.write(`${start}\n`);
    await waitFor(() => outputs.every((o) => o.includes('done')), 60_000);
    for (const child of procs) child.stdin!.write('exit\n');
    await Promise.all(exited);

    for (let r = 0; r < ROUNDS; r++) {
      const results = outputs.map((o) => o.split('\n').find((l) => l.startsWith(`${r} `)) ?? `${r} missing`);
      expect(
        results.filter((l) => l === `${r} won`),
        `round ${r}: ${results.join(', ')}`,
      ).toHaveLength(1);
      expect(results.filter((l) => l.startsWith(`${r} lost`))).toHaveLength(CONTENDERS - 1);
    }
  }, 120_000);
});

async function waitFor(done: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
