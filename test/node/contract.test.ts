// The public contract check (../shared/checks/run-contract.js) drives the built CLI as an outside
// tool would: the shared case, and a case of ours with scaling, ties, bonus cap and deductions.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const runner = path.resolve(ROOT, '../shared/checks/run-contract.js');

test.each([
  ['the shared case', path.resolve(ROOT, '../shared/checks/contract-case.json')],
  ['scaling, ties, bonus cap, deductions', path.join(__dirname, 'cases/scaling-ties-bonus-penalty.json')],
])(
  'contract: %s',
  (_name, file) => {
    const out = execFileSync('node', [runner, file], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/^contract: all \d+ units match/m);
  },
  60_000,
);
