// The tests need two programs from Debian's packages: Chromium (browser tests; test tools may not download
// browsers here) with its translations (chromium-l10n: a browser test runs Chromium in Portuguese), and PostgreSQL
// (the team server's tests run on a real database as well as on PGlite).
// Installs what is missing when running as root on Debian/Ubuntu; otherwise says what to install.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const hasChromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].some((p) => existsSync(p));
const hasPostgres =
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const hasChromiumTranslations = existsSync('/usr/lib/chromium/locales/pt-BR.pak');
const missing = [
  ...(hasChromium ? [] : ['chromium']),
  ...(hasChromiumTranslations ? [] : ['chromium-l10n']),
  ...(hasPostgres ? [] : ['postgresql']),
];
if (missing.length === 0) process.exit(0);

if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian's ${missing.join(' and ')} for the tests…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
    stdio: 'inherit',
  });
  process.exit(0);
}
console.error(`The tests need ${missing.join(' and ')}: install with "sudo apt-get install -y ${missing.join(' ')}".`);
process.exit(1);
