// The sheets of a new control workbook (Bảng điều khiển): headers, default rubric and levels,
// configuration keys with their descriptions — optionally filled with the sample district.
import { Cell, Grid } from './types';
import {
  CONFIG_COLUMNS,
  CRITERIA_COLUMNS,
  FINDING_COLUMNS,
  LEVEL_COLUMNS,
  LEVEL_KIND,
  INDICATOR_COLUMNS,
  LOG_COLUMNS,
  MERGE_COLUMNS,
  OUTLINE_COLUMNS,
  PREVIOUS_COLUMNS,
  RESULT_COLUMNS,
  SHEETS,
  UNIT_COLUMNS,
} from './schema';
import { tableGrid } from './table';
import { cellText } from './text';
import { CONFIG_KEYS, ConfigKey, LEGACY_CONFIG_KEYS } from './config';
import { DEFAULT_GATES, DEFAULT_LEVELS, DEFAULT_STEP, defaultRubricRows } from './default-rubrics';
import { defaultOutline, fromNarrative } from './outline';
import { SampleName, SAMPLES } from './samples';
import { DEFAULT_INDICATORS } from './indicators';
import { guideGrid } from './placeholder-guide';
import { STATUS_WORDS } from './status';

export interface SheetGrid {
  name: string;
  grid: Grid;
  /**
   * Lists: a dropdown on the column under its header (rows 2 to `DROPDOWN_ROWS`). `strict` refuses
   * any other value; otherwise another value is kept with a warning (a list the admin may extend).
   */
  dropdowns?: Dropdown[];
}

export interface Dropdown {
  column: number;
  values: readonly string[];
  help: string;
  strict: boolean;
}

/** Rows a dropdown covers: a province has up to a few hundred units. */
export const DROPDOWN_ROWS = 2000;

function configGrid(values: Partial<Record<ConfigKey, Cell>>): Grid {
  return tableGrid(
    CONFIG_COLUMNS,
    (Object.keys(CONFIG_KEYS) as ConfigKey[])
      .filter((k) => !LEGACY_CONFIG_KEYS.has(k) || values[k] !== undefined)
      .map((k) => ({
        key: CONFIG_KEYS[k][0],
        value: values[k] ?? null,
        description: CONFIG_KEYS[k][1],
      })),
  );
}

function criteriaGrid(): Grid {
  return tableGrid(CRITERIA_COLUMNS, defaultRubricRows());
}

function levelsGrid(): Grid {
  return tableGrid(LEVEL_COLUMNS, [
    ...DEFAULT_LEVELS.map((l) => ({ kind: LEVEL_KIND.level, code: l.code, name: l.name, min: l.min })),
    ...DEFAULT_GATES.map((g) => ({ kind: LEVEL_KIND.gate, code: g.code, name: g.name, maxLevel: g.maxLevel })),
  ]);
}

const unitColumn = (key: keyof typeof UNIT_COLUMNS) => Object.keys(UNIT_COLUMNS).indexOf(key);
const distinct = (values: Cell[]) => [...new Set(values.map((v) => cellText(v)).filter(Boolean))];

/**
 * The dropdowns of `Đơn vị`. `Trạng thái` is a closed list the tool defines: strict. `Bộ tiêu chí`
 * and `Điều kiện khống chế` offer the ids and codes the new `Tiêu chí` and `Xếp loại` hold, with a
 * warning only: the admin may add a rubric or a gate, and a unit may carry several gates
 * ("DK1, DK2", see readControl); the validation step names an unknown one. `Nhóm` has no list
 * outside the units themselves: it offers the groups of the data written (the sample), with a
 * warning only, so a new group can still be typed; a plain template has no group to offer.
 */
function unitDropdowns(groups: string[]): Dropdown[] {
  const rubricIds = distinct(defaultRubricRows().map((r) => r.rubricId));
  const gateCodes = DEFAULT_GATES.map((g) => g.code);
  const list: Dropdown[] = [
    {
      column: unitColumn('status'),
      values: STATUS_WORDS,
      help: `Chọn một trạng thái: ${STATUS_WORDS.join(', ')} (hoặc để trống).`,
      strict: true,
    },
    {
      column: unitColumn('rubricId'),
      values: rubricIds,
      help: `Chọn bộ tiêu chí: ${rubricIds.join(', ')} (hoặc mã của bộ tiêu chí đã thêm vào sheet «${SHEETS.criteria}»).`,
      strict: false,
    },
    {
      column: unitColumn('gates'),
      values: gateCodes,
      help: `Chọn điều kiện khống chế: ${gateCodes.join(', ')}; nhiều điều kiện thì gõ cách nhau bằng dấu phẩy (mã ở sheet «${SHEETS.levels}»).`,
      strict: false,
    },
  ];
  const g = distinct(groups);
  if (g.length) {
    list.push({
      column: unitColumn('group'),
      values: g,
      help: `Chọn nhóm: ${g.join(', ')} (hoặc gõ tên nhóm mới).`,
      strict: false,
    });
  }
  return list;
}

const header = (columns: Record<string, string>): Grid => [Object.values(columns)];

/** The sheets of a control workbook, in tab order (`Trạng thái các năm` is added when a year changes). */
export const CONTROL_SHEET_NAMES: readonly string[] = [
  SHEETS.config,
  SHEETS.units,
  SHEETS.criteria,
  SHEETS.levels,
  SHEETS.narrative,
  SHEETS.indicators,
  SHEETS.previous,
  SHEETS.merges,
  SHEETS.results,
  SHEETS.findings,
  SHEETS.log,
  SHEETS.templateGuide,
];

/**
 * Every sheet of a new control workbook, in tab order. Tool-written sheets start with their header
 * only. With `sample`, that sample's (synthetic) data fills the input sheets.
 */
export function newControlSheets(opts: { year: number; sample?: SampleName }): SheetGrid[] {
  const s = opts.sample ? SAMPLES[opts.sample].data : null;
  const config = s ? s.config : { year: opts.year, step: DEFAULT_STEP };
  return [
    { name: SHEETS.config, grid: configGrid(config) },
    {
      name: SHEETS.units,
      grid: s ? tableGrid(UNIT_COLUMNS, s.units) : header(UNIT_COLUMNS),
      dropdowns: unitDropdowns(s?.units.map((u) => cellText(u.group ?? null)) ?? []),
    },
    { name: SHEETS.criteria, grid: criteriaGrid() },
    { name: SHEETS.levels, grid: levelsGrid() },
    {
      name: SHEETS.narrative,
      // The outline of seed 002 (outline.ts); a sample fills it with its texts.
      grid: tableGrid(
        OUTLINE_COLUMNS,
        (s ? (s.outline ?? fromNarrative(s.narrative)) : defaultOutline()).map((r) => ({
          level: r.level,
          number: r.number || null,
          heading: r.heading,
          text: r.text || null,
        })),
      ),
    },
    {
      name: SHEETS.indicators,
      grid: tableGrid(INDICATOR_COLUMNS, s ? s.indicators : DEFAULT_INDICATORS.map((i) => ({ ...i }))),
    },
    { name: SHEETS.previous, grid: s ? tableGrid(PREVIOUS_COLUMNS, s.previous) : header(PREVIOUS_COLUMNS) },
    { name: SHEETS.merges, grid: s?.merges ? tableGrid(MERGE_COLUMNS, s.merges) : header(MERGE_COLUMNS) },
    { name: SHEETS.results, grid: header(RESULT_COLUMNS) },
    { name: SHEETS.findings, grid: header(FINDING_COLUMNS) },
    { name: SHEETS.log, grid: header(LOG_COLUMNS) },
    { name: SHEETS.templateGuide, grid: guideGrid() },
  ];
}
