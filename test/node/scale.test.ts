// Memory stays flat in the number of units: `dvcq validate` and `dvcq templates` handle one unit file
// at a time and keep only what the core made of it, with a full collection every few units
// (memory.ts), so their peak resident memory hardly grows with the units (validate held every file's
// grid before: about 0.4 MB per unit; templates grew 0.1–0.2 MB per unit with V8's own timing). Measured on build/cli.js as a child process, at
// two small sizes; `npm run bench` measures 1,000 and 5,000 units.
import fs from 'node:fs';
import path from 'node:path';
import { runMeasured, writeScaleControl } from '../../bench/scale';
import { removeTmpDirs, tmpDir } from './helpers';

const CLI = path.resolve('build/cli.js');
const SMALL = 50;
const LARGE = 300;
/** Peak RSS may grow this much per unit (the control workbook's rows, a few findings, one result). */
const MAX_GROWTH_MB_PER_UNIT = 0.15;

afterAll(removeTmpDirs);

async function measure(units: number) {
  const dir = tmpDir('dvcq-scale-');
  const ws = path.join(dir, 'ws');
  // Not submitted: a fresh template has no findings, so what is kept per unit is the collection's own.
  await writeScaleControl(ws, units, 40, { status: '' });
  const templates = runMeasured(CLI, ['templates', ws], dir);
  expect(templates.error).toBeUndefined();
  const validate = runMeasured(CLI, ['validate', ws], dir);
  expect(validate.error).toBeUndefined();
  return { templates, validate };
}

it(`validate: peak memory grows less than ${MAX_GROWTH_MB_PER_UNIT} MB per unit from ${SMALL} to ${LARGE} units`, async () => {
  expect(fs.existsSync(CLI)).toBe(true);
  const small = await measure(SMALL);
  const large = await measure(LARGE);
  const growth = (large.validate.peakMb - small.validate.peakMb) / (LARGE - SMALL);
  expect(Number.isFinite(growth)).toBe(true);
  expect(growth).toBeLessThan(MAX_GROWTH_MB_PER_UNIT);
  const templatesGrowth = (large.templates.peakMb - small.templates.peakMb) / (LARGE - SMALL);
  expect(templatesGrowth).toBeLessThan(MAX_GROWTH_MB_PER_UNIT);
}, 180_000);
