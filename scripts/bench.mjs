// `npm run bench`: builds, runs every benchmark, writes bench/results/latest.json and bench/results/latest.md.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const resultsDir = path.resolve('bench/results');
const partial = path.join(resultsDir, 'partial.json');

/** value / floor: how far a figure is from the least the same work costs, measured in the same run. */
const ratioOf = (r) => (r.floor ? r.value / r.floor : undefined);
const budgetsOf = (r) => [
  ...(r.maxRatio === undefined ? [] : [{ text: `≤ ${r.maxRatio}× floor`, met: ratioOf(r) <= r.maxRatio }]),
  ...(r.budget === undefined ? [] : [{ text: `${r.budget} ${r.unit}`, met: r.value <= r.budget }]),
];
function tableRows(results) {
  const cell = (r) => {
    const ratio = ratioOf(r);
    const budgets = budgetsOf(r);
    return [
      r.name,
      `${r.value} ${r.unit}`,
      r.floor === undefined ? (r.floorMissing ?? '—') : `${r.floor} ${r.unit} (${r.floorName})`,
      ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
      budgets.length === 0 ? '—' : budgets.map((b) => b.text).join(' and '),
      budgets.length === 0 ? '' : budgets.every((b) => b.met) ? 'within budget' : 'OVER BUDGET',
    ];
  };
  return [
    '| benchmark | result | floor | ratio | budget | verdict |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${cell(r).join(' | ')} |`),
  ];
}

// `node scripts/bench.mjs --table`: the table of what single benchmark runs have recorded so far, without running any.
if (process.argv.includes('--table')) {
  console.log(tableRows(existsSync(partial) ? JSON.parse(readFileSync(partial, 'utf8')) : []).join('\n'));
  process.exit(0);
}
rmSync(partial, { force: true });

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
};

run('node', ['scripts/ensure-test-tools.mjs']);
run('npx', ['wxt', 'build']);

// Content scripts: the panel Chrome loads into Instagram's DM pages, and the loader every other Instagram page gets.
const out = '.output/chrome-mv3/content-scripts';
const sizeOf = (prefix) => {
  const files = readdirSync(out).filter((f) => f.startsWith(`${prefix}.`) && (f.endsWith('.js') || f.endsWith('.css')));
  const bytes = files.map((f) => readFileSync(path.join(out, f)));
  return {
    raw: bytes.reduce((s, b) => s + b.length, 0),
    gzip: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
  };
};
const panel = sizeOf('instagram-panel');
const loader = sizeOf('instagram');
const results = [
  { name: 'Panel content script (DM pages), raw (JS + CSS)', value: Math.round(panel.raw / 1024), unit: 'KB' },
  { name: 'Panel content script (DM pages), gzip', value: Math.round(panel.gzip / 1024), unit: 'KB', budget: 150 },
  {
    name: 'Loader content script (other Instagram pages), raw',
    value: Math.round(loader.raw / 1024),
    unit: 'KB',
    budget: 15,
  },
];

// Node benchmarks of the domain and storage (Vitest bench files), then the browser ones (Playwright).
for (const file of existsSync('bench') ? readdirSync('bench').filter((f) => f.endsWith('.bench.ts')) : []) {
  run('npx', ['vitest', 'run', '--config', 'bench/vitest.bench.config.ts', path.join('bench', file)]);
}
run('npx', ['playwright', 'test', '-c', 'bench/playwright.bench.config.ts']);
if (existsSync(partial)) results.push(...JSON.parse(readFileSync(partial, 'utf8')));
rmSync(partial, { force: true });

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execSync('uname -sr').toString().trim()}`;
const when = new Date().toISOString();
writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify({ when, machine, results }, null, 2));

const table = [`Benchmarks of ${when.slice(0, 10)} on ${machine}`, '', ...tableRows(results)].join('\n');
writeFileSync(path.join(resultsDir, 'latest.md'), `${table}\n`);
console.log(`\n${table}`);
