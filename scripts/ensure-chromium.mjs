// E2E tests need Debian's Chromium (test tools may not download browsers here). Installs it when running as
// root on Debian/Ubuntu and it is missing; otherwise explains what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const binaries = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
if (binaries.some((p) => existsSync(p))) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('Chromium is missing: installing Debian\'s "chromium" package for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  process.exit(0);
}
console.error(
  'The browser tests need Chromium at /usr/bin/chromium: install it with "sudo apt-get install -y chromium".',
);
process.exit(1);
