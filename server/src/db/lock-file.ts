import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `<dir>/server.lock`: one server per PGlite data directory (PGlite itself would let a second one open the files).
 *
 * Taken atomically: the holder's identity is written to a private file first, then link(2)ed to the lock's name,
 * which fails if the name exists, so of N servers starting at once exactly one wins. A stale lock is removed only by
 * whoever holds `server.lock.break` (created with O_EXCL), and only if it is still the very file judged stale: while
 * it exists nobody can link a new lock, so the check and the removal cannot be overtaken.
 *
 * The lock counts as held only by a live server: on this machine, the process it names must exist, not be a zombie,
 * and have the start time written in the lock (a container restarted with the same pid is another process); a lock
 * naming this process counts only if this process took it. A lock made on another host (or in another pid
 * namespace) cannot be checked that way: its holder touches it every few seconds, and it is stale once untouched.
 */
export interface LockFile {
  readonly path: string;
  release(): void;
}

interface LockHolder {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), null where there is no /proc. */
  startTime: string | null;
  bootId: string | null;
  host: string;
  /** Random per lock taken: tells this process's own lock from one left by an earlier process with the same pid. */
  token: string;
}

const HEARTBEAT_MS = 10_000;
/** A lock from another host or pid namespace untouched for this long is stale. */
const REMOTE_STALE_MS = 60_000;
/** Breaking a stale lock takes microseconds: a breaker file this old was left by a crash. */
const BREAKER_STALE_MS = 10_000;
const ACQUIRE_TIMEOUT_MS = 5_000;

const heldTokens = new Set<string>();

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

const bootId = () => readText('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

/** State (R, S, Z…) and start time of a process, from /proc; null when it does not exist or there is no /proc. */
function procStat(pid: number): { state: string; startTime: string } | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '?', startTime: fields[19] ?? '' };
}

const hasProc = () => readText('/proc/self/stat') !== null;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | 'legacy' | null {
  if (/^\d+$/.test(text.trim())) return 'legacy';
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.token === 'string' ? holder : null;
  } catch {
    return null;
  }
}

/** Whether a lock (its text, and when it was last touched) belongs to a server that still runs, and its pid. */
function isHeld(text: string, mtimeMs: number): { held: boolean; pid: number | null } {
  const holder = parseHolder(text);
  if (holder === null) return { held: false, pid: null };
  if (holder === 'legacy') {
    // Written by servers before this lock format: only a pid. Held if that pid is another live Node process.
    const pid = Number(text.trim());
    if (pid === process.pid || !isAlive(pid)) return { held: false, pid };
    const stat = procStat(pid);
    if (stat === null) return { held: !hasProc(), pid };
    const cmdline = readText(`/proc/${pid}/cmdline`) ?? '';
    return { held: stat.state !== 'Z' && stat.state !== 'X' && /node|tsx/.test(cmdline), pid };
  }
  const local = holder.host === os.hostname() && holder.bootId === bootId();
  if (!local) return { held: Date.now() - mtimeMs < REMOTE_STALE_MS, pid: holder.pid };
  if (holder.pid === process.pid) return { held: heldTokens.has(holder.token), pid: holder.pid };
  if (!hasProc()) return { held: isAlive(holder.pid), pid: holder.pid };
  const stat = procStat(holder.pid);
  const live = stat !== null && stat.state !== 'Z' && stat.state !== 'X';
  return { held: live && (holder.startTime === null || stat.startTime === holder.startTime), pid: holder.pid };
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Removes the lock if it is still the file judged stale: the same inode and the same text (an inode number is reused
 * as soon as it is freed, so another server's fresh lock can carry the stale one's). Waits a moment instead if another
 * is breaking it.
 */
function breakStaleLock(lockPath: string, stale: { ino: number; text: string }): void {
  const breaker = `${lockPath}.break`;
  try {
    closeSync(openSync(breaker, 'wx'));
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(breaker).mtimeMs > BREAKER_STALE_MS) rmSync(breaker, { force: true });
    } catch {}
    sleep(2 + Math.random() * 10);
    return;
  }
  try {
    const now = statSync(lockPath, { throwIfNoEntry: false });
    if (now?.ino === stale.ino && readText(lockPath) === stale.text) unlinkSync(lockPath);
  } finally {
    rmSync(breaker, { force: true });
  }
}

/**
 * Takes `<dir>/server.lock` for this process, or throws naming the process that holds it. A lock left by a server
 * that no longer runs is taken over.
 */
export function acquireLockFile(dir: string): LockFile {
  mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'server.lock');
  const token = randomBytes(16).toString('hex');
  const me: LockHolder = {
    pid: process.pid,
    startTime: procStat(process.pid)?.startTime ?? null,
    bootId: bootId(),
    host: os.hostname(),
    token,
  };
  const draft = `${lockPath}.${token}.tmp`;
  const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
  try {
    const fd = openSync(draft, 'wx');
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    while (Date.now() < deadline) {
      try {
        heldTokens.add(token); // before the link: from that instant the lock must read as ours
        linkSync(draft, lockPath);
        return holdLock(lockPath, token);
      } catch (error) {
        heldTokens.delete(token);
        if (code(error) !== 'EEXIST') throw error;
      }
      const stat = statSync(lockPath, { throwIfNoEntry: false });
      const text = readText(lockPath);
      if (!stat || text === null) continue; // released meanwhile: try again
      const { held, pid } = isHeld(text, stat.mtimeMs);
      if (held) {
        throw new Error(
          `The data directory ${dir} is in use by process ${pid} (lock file ${lockPath}). Stop that server first.`,
        );
      }
      breakStaleLock(lockPath, { ino: stat.ino, text });
    }
    throw new Error(`Could not take the lock file ${lockPath} within ${ACQUIRE_TIMEOUT_MS / 1000} s`);
  } finally {
    rmSync(draft, { force: true });
  }
}

function holdLock(lockPath: string, token: string): LockFile {
  // The heartbeat lets servers that cannot check this process (another host, another pid namespace) see it is alive.
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(lockPath, now, now);
    } catch {}
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      heldTokens.delete(token);
      // Only our own lock: never one another server took after ours was judged stale.
      const holder = parseHolder(readText(lockPath) ?? '');
      if (typeof holder === 'object' && holder?.token === token) rmSync(lockPath, { force: true });
    },
  };
}
