// What the add-on keeps in the control spreadsheet's DocumentProperties (9 KB per value, 500 KB
// in all): little per unit, old years pruned, and a full store said as such (waiting does not help).
import { newWorld, asAdmin } from './helpers';
import type { World } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { Store } from '../../src/gas/store';
import { userMessage } from '../../src/gas/errors';

const LIMIT = 500 * 1024;
const bytes = (m: Map<string, string>) => [...m].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

function filesInDrive(w: World): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of w.fake.drive.list()) {
    const m = /^(BS-[XP]\d\d) - /.exec(it.name);
    if (m && !it.trashed) out[m[1]] = (out[m[1]] ?? 0) + 1;
  }
  return out;
}

/** Fill the store with `n` records shaped as an older version wrote them (about 256 bytes each). */
function oldRecords(w: World, year: number, n: number, prefix = 'dvcq:file'): void {
  const props = w.fake.properties.document(w.controlId);
  for (let i = 0; i < n; i++) {
    const id = `1Sold${year}${String(i).padStart(39, '0')}`;
    props.set(
      `${prefix}:${year}:U${String(i).padStart(4, '0')}`,
      JSON.stringify({
        id,
        url: `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`,
        gid: 0,
        state: 'ok',
        sharedWith: `nguoi.cham.${i}@xa-thu.example.gov.vn`,
      }),
    );
  }
}

describe('State kept by the add-on', () => {
  it('a unit costs under 125 bytes of state; 1,000 units × 3 years stay under half of the 500 KB store', () => {
    const w = newWorld();
    sampleControl(w);
    const props = w.fake.properties.document(w.controlId);
    const before = bytes(props);
    generate(w);
    const fileKeys = [...props].filter(([k]) => k.startsWith('dvcq:file:2024:'));
    expect(fileKeys).toHaveLength(33);
    const perUnit = fileKeys.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0) / 33;
    expect(perUnit).toBeLessThan(125);
    const fixed = bytes(props) - before - perUnit * 33;
    // The templates job keeps this year's and last year's records: 1,000 units × 2 years at most.
    expect(2 * (1000 * perUnit + fixed) + before).toBeLessThan(LIMIT / 2);
    expect(Math.max(...[...props.values()].map((v) => Buffer.byteLength(v)))).toBeLessThan((9 * 1024) / 2);
  });

  it('records of years before the previous one are deleted by the templates job', () => {
    const w = newWorld();
    sampleControl(w);
    // Two old years of 1,000 units as an older version stored them: about 490 KB, the store nearly full.
    oldRecords(w, 2021, 950);
    oldRecords(w, 2022, 950);
    oldRecords(w, 2023, 10);
    w.fake.calls.reset();
    const last = generate(w).at(-1)!;
    expect(last.errors).toEqual([]);
    expect(last.done).toBe(33);
    // 1,910 records deleted in one write, not one call each.
    expect(w.fake.calls.count('Properties.deleteProperty')).toBe(0);
    expect(w.fake.calls.count('Properties.setProperties')).toBe(1);
    const keys = [...w.fake.properties.document(w.controlId).keys()];
    expect(keys.filter((k) => /^dvcq:file:202[12]:/.test(k))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('dvcq:file:2023:'))).toHaveLength(10); // last year's are kept
    expect(new Store(w.env).bytes()).toBeLessThan(LIMIT / 2);
  });

  it('a full store is said as such (waiting does not help), and running again makes no second file', () => {
    const w = newWorld();
    sampleControl(w);
    // Filled by something the add-on does not prune, up to about 1.7 KB from the limit: the folders
    // and the master are remembered, then the store is full after a few units.
    const props = w.fake.properties.document(w.controlId);
    for (let i = 0; bytes(props) < LIMIT - 1700; i++) props.set(`other:${String(i).padStart(5, '0')}`, 'x'.repeat(240));
    const first = generate(w).at(-1)!;
    expect(first.errors.length).toBeGreaterThan(0);
    const message = first.errors[0].message;
    expect(message).toMatch(/bộ nhớ riêng của công cụ trong bảng điều khiển này đã đầy/);
    expect(message).toMatch(/chờ rồi chạy lại sẽ không giúp được/);
    expect(message).not.toMatch(/chờ ít phút/);
    asAdmin(w);
    generate(w);
    asAdmin(w);
    generate(w);
    const counts = filesInDrive(w);
    expect(Object.entries(counts).filter(([, n]) => n > 1)).toEqual([]);
    expect(Object.keys(unitFiles(w)).length).toBeLessThanOrEqual(Object.keys(counts).length);
  });
});

describe('Limits that waiting a few minutes will not fix', () => {
  it.each([
    [
      'You have exceeded the property storage quota. Please remove some properties and try again.',
      /đã đầy .*chờ rồi chạy lại sẽ không giúp được/,
    ],
    ['Argument too large: value', /đã đầy .*mỗi mục 9 KB/],
    ['Service invoked too many times for one day: driveservice.', /hạn mức trong ngày .*chạy lại vào ngày mai/],
  ])('«%s» is said with what to do', (raw, expected) => {
    const text = userMessage(new Error(raw), 'Tạo biểu mẫu');
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/chờ ít phút rồi chạy lại/);
  });

  it('a passing limit still says to wait a little', () => {
    expect(userMessage(new Error('Service invoked too many times in a short time: exec qps.'), 'Tạo biểu mẫu')).toMatch(/chờ ít phút/);
  });
});
