// Runs every check the project has, in order, and ends with one line "N passed, N failed" (what CI reads).
// Steps: typecheck, lint, format check, unit tests, domain tests under four time zones, build, e2e tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  // A file that fails to load has no failed test in it, but it is a failure all the same.
  totals.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  totals.failed += stats?.unexpected ?? 0;
}

const toolsReady = run('test tools (Chromium, PostgreSQL)', 'node', ['scripts/ensure-test-tools.mjs']);
run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'lint', '.']);
run('format', 'npx', ['biome', 'format', '.']);

run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
countVitest('test-results/unit.json');

// SLA answers must not depend on the machine's time zone: run the domain tests under several.
for (const tz of ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
  const out = `test-results/domain-${tz.replace('/', '-')}.json`;
  run(
    `domain tests in TZ=${tz}`,
    'npx',
    ['vitest', 'run', 'tests/domain', '--reporter=dot', '--reporter=json', `--outputFile.json=${out}`],
    { TZ: tz },
  );
  countVitest(out);
}

if (toolsReady && run('build', 'npx', ['wxt', 'build'])) {
  run('e2e tests', 'npx', ['playwright', 'test']);
  countPlaywright('test-results/e2e-results.json');
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
