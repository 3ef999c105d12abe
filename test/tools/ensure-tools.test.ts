// scripts/ensure-tools.sh on a simulated fresh Debian machine: a copy of the script in a temp project,
// a PATH holding only the fake programs each case puts there, and a minimal environment. apt-get is
// never the real one: either installing is forbidden (DVCQ_NO_INSTALL=1) or it is a fake on PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BASH = execFileSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
const SUDO = process.getuid?.() === 0 ? '' : 'sudo ';
const ALL = 'chromium libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface Machine {
  dir: string;
  bin: string;
}

function machine(opts: { tools: string[]; nodeModules?: boolean }): Machine {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-ensure-'));
  made.push(dir);
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.mkdirSync(bin);
  fs.copyFileSync(path.join(ROOT, 'scripts/ensure-tools.sh'), path.join(dir, 'scripts/ensure-tools.sh'));
  if (opts.nodeModules !== false) fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const t of opts.tools) fs.writeFileSync(path.join(bin, t), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return { dir, bin };
}

function run(m: Machine, env: Record<string, string> = {}) {
  // CHROMIUM_PATH as test/ui/browser.ts reads it, so the real /usr/bin/chromium of this machine is not seen.
  const r = spawnSync(BASH, [path.join(m.dir, 'scripts/ensure-tools.sh')], {
    cwd: os.tmpdir(),
    env: { PATH: m.bin, CHROMIUM_PATH: path.join(m.bin, 'chromium'), ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('fresh machine, may not install: exits non-zero and prints the exact apt-get command', () => {
  const r = run(machine({ tools: [] }), { DVCQ_NO_INSTALL: '1' });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toContain(`  ${SUDO}apt-get update && ${SUDO}apt-get install -y ${ALL}`);
});

test('lists only the packages of the missing tools (pdftoppm alone missing still needs poppler-utils)', () => {
  const r = run(machine({ tools: ['chromium', 'soffice', 'pdftotext'] }), { DVCQ_NO_INSTALL: '1' });
  expect(r.status).toBe(1);
  expect(r.stderr.split('\n')).toContain(`  ${SUDO}apt-get update && ${SUDO}apt-get install -y poppler-utils`);
});

test('without apt-get it cannot install: prints the command instead', () => {
  const r = run(machine({ tools: ['chromium', 'pdftotext', 'pdftoppm'] }));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('no apt-get here');
  expect(r.stderr.split('\n')).toContain(
    `  ${SUDO}apt-get update && ${SUDO}apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui`,
  );
});

test('everything present: exits 0 and prints nothing', () => {
  const r = run(machine({ tools: ['chromium', 'soffice', 'pdftotext', 'pdftoppm'] }));
  expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
});

test('no node_modules: says npm ci', () => {
  const r = run(machine({ tools: ['chromium', 'soffice', 'pdftotext', 'pdftoppm'], nodeModules: false }));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Run: npm ci');
});

// Only as root: otherwise the script would go through the real sudo, whose PATH is not ours.
(process.getuid?.() === 0 ? test : test.skip)('root with apt-get: updates once, installs the missing packages, then passes', () => {
  const m = machine({ tools: [] });
  const log = path.join(m.dir, 'apt.log');
  const apt = `#!${process.execPath}
const fs = require('fs'), path = require('path');
fs.appendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + ' ' + process.env.DEBIAN_FRONTEND + '\\n');
if (process.argv[2] === 'install')
  for (const t of ['chromium', 'soffice', 'pdftotext', 'pdftoppm'])
    fs.writeFileSync(path.join(${JSON.stringify(m.bin)}, t), '#!/bin/sh\\n', { mode: 0o755 });
`;
  fs.writeFileSync(path.join(m.bin, 'apt-get'), apt, { mode: 0o755 });
  const r = run(m);
  expect(r.stderr).toBe(`ensure-tools: installing ${ALL} with apt-get (a few minutes the first time)\n`);
  expect(r.status).toBe(0);
  expect(fs.readFileSync(log, 'utf8')).toBe(`update -qq noninteractive\ninstall -y -qq ${ALL} noninteractive\n`);
});

test('npm test runs it first', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.test).toMatch(/^bash scripts\/ensure-tools\.sh && /);
});
