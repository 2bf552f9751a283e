import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// The sidebar and the UI pieces it is built from. The shared tick itself (use-now.ts) is the one timer allowed.
const CHECKED = ['components/sidebar', 'components/ui'];
const THE_TICK = 'components/ui/use-now.ts';

/** Ways to show a time, date or duration, or to keep time, that bypass the one formatter and the shared tick. */
const BYPASSES = [
  { rule: 'formats a time or number by itself', pattern: /\.toLocale(Date|Time)?String\s*\(/ },
  {
    rule: 'makes its own Intl formatter',
    pattern: /Intl\.(DateTimeFormat|RelativeTimeFormat|NumberFormat|ListFormat)\b/,
  },
  { rule: 'formats durations without the formatter', pattern: /from\s+['"][^'"]*format-duration['"]/ },
  { rule: 'keeps a clock of its own', pattern: /\bsetInterval\s*\(/ },
];

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function bypassesIn(relativePath: string, code: string): string[] {
  const plain = withoutComments(code);
  return BYPASSES.filter(
    ({ pattern, rule }) => pattern.test(plain) && !(relativePath === THE_TICK && rule.includes('clock')),
  ).map(({ rule }) => `${relativePath}: ${rule}`);
}

describe('every time, date and duration in the sidebar goes through the one formatter, on the shared tick', () => {
  const files = CHECKED.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => path.join(dir, f)),
  );

  it('finds the sidebar’s sources', () => {
    expect(files).toContain('components/sidebar/sla-timer.tsx');
    expect(files).toContain(THE_TICK);
  });

  it('has no screen that formats or ticks on its own', () => {
    expect(files.flatMap((f) => bypassesIn(f, readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });

  it('would catch each way of going around them', () => {
    const samples = [
      'const due = new Date(at).toLocaleString();',
      "const f = new Intl.DateTimeFormat(undefined, { weekday: 'short' });",
      "import { formatDuration } from '@/lib/format/format-duration';",
      'useEffect(() => { const t = setInterval(tick, 1000); }, []);',
    ];
    for (const sample of samples) expect(bypassesIn('components/sidebar/x.tsx', sample)).toHaveLength(1);
    expect(bypassesIn('components/sidebar/x.tsx', '// never call toLocaleString() here')).toEqual([]);
    expect(bypassesIn(THE_TICK, 'timer = setInterval(() => {}, 1000);')).toEqual([]);
  });
});
