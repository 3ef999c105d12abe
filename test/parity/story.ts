// The one story both back-ends run, as data: what every scorer types, who submits, what the
// appraisal council enters, and the clock. Computed once from the core's built-in sample, so the
// CLI and the add-on get exactly the same values.
import type { Cell } from '../../src/core/types';
import { CONTROL_SHEETS, ControlGrids, readControl } from '../../src/core/control';
import { newControlSheets } from '../../src/core/control-template';
import { SAMPLE, sampleEntries } from '../../src/core/sample';
import { leaves } from '../../src/core/rubric';

/** Both back-ends run at this moment (the add-on fake's default clock; the CLI's context). */
export const STORY_NOW = new Date(2024, 11, 10, 9, 0);
export const FIRST_YEAR = 2024;
export const NEXT_YEAR = 2025;

export type ScorerField = 'Tự chấm' | 'Minh chứng' | 'Ghi chú';
/** Per unit code, per criterion code, the cells its scorer types. */
export type Typed = Record<string, Record<string, Partial<Record<ScorerField, Cell>>>>;

export interface Story {
  /** Step 3: what each scorer types (units absent here are left untouched). */
  typed: Typed;
  /** The unit nobody touches. */
  untouched: string;
  /** Step 4: units whose scorer submits (CLI `submit`; add-on `scorerSubmit` then «Theo dõi tiến độ»). */
  submit: string[];
  /** Step 5: `Thẩm định` per unit and criterion. */
  appraised: Record<string, Record<string, number>>;
  /** Where each bad entry went (for the report). */
  bad: Record<string, { unit: string; criterion: string; value: Cell | null }>;
}

function sampleControl() {
  const grids: ControlGrids = {};
  for (const s of newControlSheets({ year: FIRST_YEAR, sample: 'binh-son-2024' })) {
    const key = (Object.keys(CONTROL_SHEETS) as Array<keyof ControlGrids>).find((k) => CONTROL_SHEETS[k] === s.name);
    if (key) grids[key] = s.grid;
  }
  return readControl(grids);
}

export function buildStory(): Story {
  const control = sampleControl();
  const entries = sampleEntries(control.rubrics);
  const untouched = 'BS-P09'; // Phòng Y tế: the sample's unit that has not submitted
  const typed: Typed = {};
  for (const [unit, byCode] of Object.entries(entries)) {
    if (unit === untouched) continue;
    typed[unit] = {};
    for (const [code, e] of Object.entries(byCode)) {
      const cells: Partial<Record<ScorerField, Cell>> = {};
      if (e.self !== undefined) cells['Tự chấm'] = e.self;
      if (e.evidence !== undefined) cells['Minh chứng'] = e.evidence;
      if (e.note !== undefined) cells['Ghi chú'] = e.note;
      typed[unit][code] = cells;
    }
  }
  const scoreLeaf = (unit: string, i: number) => {
    const u = control.units.find((x) => x.code === unit)!;
    return leaves(control.rubrics[u.rubricId], 'score')[i].code;
  };
  const bad: Story['bad'] = {};
  const put = (name: string, unit: string, criterion: string, value: Cell | null) => {
    bad[name] = { unit, criterion, value };
    if (value === null) delete typed[unit][criterion]['Tự chấm'];
    else typed[unit][criterion] = { ...typed[unit][criterion], 'Tự chấm': value };
  };
  // Above its maximum: the sample's own (X3.1 is worth 6).
  bad.aboveMax = { unit: 'BS-X15', criterion: 'X3.1', value: typed['BS-X15']['X3.1']['Tự chấm'] ?? null };
  put('text', 'BS-X16', scoreLeaf('BS-X16', 0), '3 điểm');
  put('negative', 'BS-X17', scoreLeaf('BS-X17', 1), -1);
  put('blankRequired', 'BS-X18', scoreLeaf('BS-X18', 2), null); // evidence typed, score left blank
  // A penalty with the wrong sign: the sample's own.
  bad.wrongSignPenalty = { unit: 'BS-P04', criterion: 'P3', value: typed['BS-P04']['P3']['Tự chấm'] ?? null };
  // Bonuses are the sample's (units of quality > 0.9 and every fifth unit).

  // Every unit the sample lists as «Đã nộp» submits (the bad ones try to). The sample already
  // writes «Đã nộp» in `Đơn vị`/`Trạng thái` for them, so offline `submit` finds them submitted;
  // online the status comes from each file, where the scorer's submit records it.
  const submit = SAMPLE.units.filter((u) => u.status === 'Đã nộp' && u.code !== untouched).map((u) => u.code);

  // The council re-scores two units: Bình Dương drops from about 87 to 78; Châu Ổ loses half a point.
  const appraised: Story['appraised'] = {};
  for (const unit of ['BS-X07', 'BS-X01']) {
    appraised[unit] = {};
    for (const [code, e] of Object.entries(entries[unit])) if (typeof e.appraised === 'number') appraised[unit][code] = e.appraised;
  }
  return { typed, untouched, submit, appraised, bad };
}

/** The appraisal round (test/parity/round.test.ts), as data computed from the story. */
export interface Round {
  story: Story;
  /** The unit returned for explanation, and the deadline the owner gives (dd/mm/yyyy and as a date). */
  returned: string;
  deadline: { text: string; date: Date };
  /** The submitted unit the admin tries to move straight to «Đã công nhận». */
  illegal: string;
  /** What the council types per unit and criterion: `Thẩm định`, and a reason where it differs from `Tự chấm`. */
  appraisal: Record<string, Record<string, { 'Thẩm định': number; 'Lý do thẩm định'?: string }>>;
  /** `Giải trình` the returned unit's scorer writes, per criterion appraised differently. */
  explanation: Record<string, string>;
  /** The evidence line he adds: the criterion and the whole new `Minh chứng` cell. */
  evidence: { code: string; text: string };
  /** The council's second look at one criterion of the returned unit. */
  change: { code: string; 'Thẩm định': number; 'Lý do thẩm định': string };
}

export function buildRound(): Round {
  const story = buildStory();
  const returned = 'BS-X07';
  const self = (unit: string, code: string) => story.typed[unit]?.[code]?.['Tự chấm'];
  const appraisal: Round['appraisal'] = {};
  for (const [unit, byCode] of Object.entries(story.appraised)) {
    appraisal[unit] = {};
    for (const [code, v] of Object.entries(byCode)) {
      appraisal[unit][code] = { 'Thẩm định': v };
      if (self(unit, code) !== v) appraisal[unit][code]['Lý do thẩm định'] = `Hồ sơ tiêu chí ${code} chưa đủ minh chứng (${unit})`;
    }
  }
  const differing = Object.keys(appraisal[returned]).filter((code) => appraisal[returned][code]['Lý do thẩm định'] !== undefined);
  if (differing.length < 2) throw new Error(`the sample appraises only ${differing.length} criterion of ${returned} differently`);
  const explanation = Object.fromEntries(differing.map((code) => [code, `Đơn vị đã bổ sung biên bản cho tiêu chí ${code}`]));
  const first = differing[0];
  const before = story.typed[returned][first]['Minh chứng'];
  const line = `Biên bản bổ sung tiêu chí ${first}.pdf`;
  const evidence = { code: first, text: before === undefined || before === '' ? line : `${String(before)}\n${line}` };
  // The council keeps part of its deduction on the first criterion after reading the explanation.
  const was = appraisal[returned][first]['Thẩm định'];
  const own = Number(self(returned, first));
  const kept = own > was ? Math.min(own, was + 0.5) : Math.max(own, was - 0.5);
  const change = { code: first, 'Thẩm định': kept, 'Lý do thẩm định': `Đã xem giải trình tiêu chí ${first}; giữ một phần điểm trừ` };
  return {
    story,
    returned,
    deadline: { text: '20/12/2024', date: new Date(2024, 11, 20) },
    illegal: 'BS-X01',
    appraisal,
    explanation,
    evidence,
    change,
  };
}
