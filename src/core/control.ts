// The control workbook (Bảng điều khiển) read into plain data, with its own findings.
import { Finding, Grid, Rubric, Unit } from './types';
import { CONFIG_COLUMNS, CRITERIA_COLUMNS, LEVEL_COLUMNS, PREVIOUS_COLUMNS, SHEETS, UNIT_COLUMNS } from './schema';
import { allowedStatusesText, canonicalStatus } from './status';
import { HistoryRow, readHistory, rowYear, unitInYear } from './years';
import { readTable, structureFinding } from './table';
import { cellText, isValidEmail, normalizeHeader, parseScore } from './text';
import { parseRubrics } from './rubric';
import { comparablePrevious, readMerges } from './merges';
import { checkLevels, checkSettings, parseSettings, Settings } from './config';
import { cleanName, isBlankName } from './file-names';
import { readAcceptance } from './acceptance';
import { readRound } from './round-flow';
import { signatureProblems } from './signature';
import { Indicator, readIndicators } from './indicators';
import { OutlineRow, readOutline } from './outline';

/** Grids of the control workbook's sheets; undefined = the sheet does not exist. */
export interface ControlGrids {
  config?: Grid;
  units?: Grid;
  criteria?: Grid;
  levels?: Grid;
  narrative?: Grid;
  indicators?: Grid;
  previous?: Grid;
  merges?: Grid;
  history?: Grid;
}

/** The sheet behind each grid of ControlGrids: what an adapter reads before `readControl`. */
export const CONTROL_SHEETS: Record<keyof ControlGrids, string> = {
  config: SHEETS.config,
  units: SHEETS.units,
  criteria: SHEETS.criteria,
  levels: SHEETS.levels,
  narrative: SHEETS.narrative,
  indicators: SHEETS.indicators,
  previous: SHEETS.previous,
  merges: SHEETS.merges,
  history: SHEETS.history,
};

export interface PreviousResult {
  code: string;
  name: string;
  total: number | null;
  level: string | null;
  /** Codes of the old units whose mean this is (a unit formed by merging, `merges.ts`). */
  mergedFrom?: string[];
  /** The year of the result (the column «Năm», else the year before the control's). */
  year?: number;
}

export interface Control {
  settings: Settings;
  units: Unit[];
  rubrics: Record<string, Rubric>;
  /** Texts of an old key/text `Nội dung báo cáo` («Mục», «Nội dung»); empty with the outline. */
  narrative: Record<string, string>;
  /** `Nội dung báo cáo` as an outline (outline.ts); absent in old workbooks (then `narrative`). */
  outline?: OutlineRow[];
  /** `Số liệu` (absent in workbooks made before it: none). */
  indicators: Indicator[];
  previous: PreviousResult[];
  /** `Trạng thái các năm`: statuses and links of the other years. */
  history: HistoryRow[];
  /** Problems of the control workbook itself (unit list, rubric, structure). */
  findings: Finding[];
}

const CONTROL = 'Bảng điều khiển';

function table<K extends string>(
  grid: Grid | undefined,
  sheet: string,
  columns: Record<K, string>,
  required: readonly NoInfer<K>[],
  findings: Finding[],
  optional = false,
) {
  if (!grid) {
    if (!optional) findings.push(structureFinding('', sheet, [], CONTROL));
    return [];
  }
  const t = readTable(grid, columns, required);
  if (t.missing.length) findings.push(structureFinding('', sheet, t.missing, CONTROL));
  return t.rows;
}

/** The identity of a unit code: case, spacing and Unicode form do not make another unit. */
export const unitKey = (code: string) => normalizeHeader(code).toUpperCase();

/** A parent whose children's maxima do not add up to its own: a perfect unit could not reach it. */
function unevenMaxima(r: Rubric): Finding[] {
  return r.criteria
    .filter((c) => c.children.length)
    .map((c) => ({ c, sum: c.children.reduce((a, k) => a + r.byCode[k].max, 0) }))
    .filter(({ c, sum }) => Math.abs(sum - c.max) > 1e-9)
    .map(({ c, sum }) => ({
      severity: 'Cảnh báo' as const,
      unitCode: '',
      sheet: SHEETS.criteria,
      code: 'uneven-maxima',
      criterion: c.code,
      message: `${CONTROL}, sheet «${SHEETS.criteria}»: bộ tiêu chí «${r.id}», tiêu chí ${c.code} có điểm tối đa ${c.max} nhưng các tiêu chí thành phần cộng lại chỉ ${sum}; đơn vị đạt tối đa mọi tiêu chí thành phần vẫn không đủ điểm của tiêu chí này.`,
    }));
}

export function readControl(g: ControlGrids): Control {
  const findings: Finding[] = [];
  const configRows = table(g.config, SHEETS.config, CONFIG_COLUMNS, ['key', 'value'], findings);
  // `Xếp loại` holds the thresholds: without it a ranking would silently use the defaults.
  const levelRows = table(g.levels, SHEETS.levels, LEVEL_COLUMNS, ['kind', 'code', 'name', 'min'], findings);
  const settings = parseSettings(configRows, levelRows);
  const sheetProblem = (sheet: string, code: string, message: string) =>
    findings.push({ severity: 'Lỗi', unitCode: '', sheet, code, message: `${CONTROL}, sheet «${sheet}», ${message}` });
  if (g.config) {
    for (const p of checkSettings(configRows)) {
      if (p.warning)
        findings.push({
          severity: 'Cảnh báo',
          unitCode: '',
          sheet: SHEETS.config,
          code: p.key,
          message: `${CONTROL}, sheet «${SHEETS.config}», ${p.message}`,
        });
      else sheetProblem(SHEETS.config, p.key === 'year' ? 'year' : 'settings', p.message);
    }
    // Not a rule: the steps run, but the documents stay drafts until the signature can be signed.
    for (const m of signatureProblems(settings)) sheetProblem(SHEETS.config, 'signature', m);
  }
  if (g.levels) for (const p of checkLevels(levelRows).problems) sheetProblem(SHEETS.levels, 'levels', p);

  const criteriaRows = table(
    g.criteria,
    SHEETS.criteria,
    CRITERIA_COLUMNS,
    ['rubricId', 'code', 'parent', 'title', 'max', 'kind'],
    findings,
  );
  const { rubrics, errors } = parseRubrics(criteriaRows);
  for (const r of Object.values(rubrics)) findings.push(...unevenMaxima(r));
  for (const e of errors) {
    findings.push({
      severity: 'Lỗi',
      unitCode: '',
      sheet: SHEETS.criteria,
      code: 'rubric',
      cell: e.row ? `dòng ${e.row}` : undefined,
      criterion: e.code,
      message: `${CONTROL}, sheet «${SHEETS.criteria}»: ${e.message}`,
    });
  }

  const history = readHistory(g.history);
  const unitRows = table(g.units, SHEETS.units, UNIT_COLUMNS, ['code', 'name', 'group', 'rubricId'], findings);
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (const r of unitRows) {
    const code = cellText(r.code);
    // What a person reads: no control or bidirectional characters (they also never reach a file name).
    const name = cleanName(cellText(r.name));
    const place = `${CONTROL}, sheet «${SHEETS.units}», dòng ${r.row}`;
    const add = (code2: string, message: string, severity: Finding['severity'] = 'Lỗi') =>
      findings.push({ severity, unitCode: code, sheet: SHEETS.units, cell: `dòng ${r.row}`, code: code2, message: `${place}: ${message}` });
    if (!code) {
      add('missing-unit-code', `đơn vị «${name}» chưa có mã đơn vị; đơn vị này bị bỏ qua.`);
      continue;
    }
    // Codes differing only in case or accents' encoding are the same unit (and the same file name).
    const key = unitKey(code);
    if (seen.has(key)) {
      add('duplicate-unit', `mã đơn vị «${code}» bị trùng với dòng ${seen.get(key)}; dòng này bị bỏ qua.`);
      continue;
    }
    seen.set(key, r.row);
    if (isBlankName(name)) {
      add('missing-unit-name', `đơn vị ${code} chưa có tên (ô «${UNIT_COLUMNS.name}» trống); chưa tạo biểu mẫu cho đến khi ghi tên.`);
    }
    const rubricId = cellText(r.rubricId);
    if (!rubrics[rubricId] && !errors.some((e) => e.rubricId === rubricId)) {
      add('unknown-rubric', `đơn vị ${name} (${code}) dùng bộ tiêu chí «${rubricId}» không có trong sheet «${SHEETS.criteria}».`);
    }
    const gates = cellText(r.gates)
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
    for (const gate of gates) {
      if (!settings.scoring.gates.some((x) => normalizeHeader(x.code) === normalizeHeader(gate))) {
        add(
          'unknown-gate',
          `đơn vị ${name} (${code}) ghi điều kiện khống chế «${gate}» không có trong sheet «${SHEETS.levels}»; đơn vị này chưa được xếp loại cho đến khi sửa.`,
        );
      }
    }
    const status = canonicalStatus(cellText(r.status));
    if (status === null) {
      add(
        'unknown-status',
        `trạng thái «${cellText(r.status)}» của đơn vị ${name} (${code}) không có trong danh sách; chỉ nhận ${allowedStatusesText()} hoặc để trống. Công cụ không ghi đè ô này cho đến khi sửa, và đơn vị chưa được xếp loại.`,
      );
    }
    const email = cellText(r.email);
    if (email && !isValidEmail(email)) {
      add('invalid-email', `email người chấm «${email}» của đơn vị ${name} (${code}) không hợp lệ; biểu mẫu sẽ không được chia sẻ.`);
    }
    const link = cellText(r.link);
    const typed: Unit = {
      code,
      name,
      rubricId,
      email,
      type: cellText(r.type),
      group: cellText(r.group),
      gates,
      status: status ?? cellText(r.status),
      link,
      row: r.row,
    };
    const accepted = readAcceptance(r);
    if (accepted) typed.accepted = accepted;
    const round = readRound(r);
    if (round) typed.round = round;
    const recorded = cellText(r.recordedStatus);
    if (recorded) typed.recordedStatus = canonicalStatus(recorded) || recorded;
    units.push(unitInYear(typed, rowYear(r.statusYear, link, settings.year), settings.year, history));
  }

  const content = readOutline(g.narrative);
  findings.push(...content.findings);
  const lastYear = table(g.previous, SHEETS.previous, PREVIOUS_COLUMNS, ['code', 'total'], findings, true).map((r) => {
    const t = parseScore(r.total);
    const y = parseScore(r.year);
    return {
      code: cellText(r.code),
      name: cellText(r.name),
      total: t.kind === 'number' ? t.value : null,
      level: cellText(r.level) || null,
      year: y.kind === 'number' && Number.isInteger(y.value) ? y.value : settings.year - 1,
    };
  });
  const previous = comparablePrevious(lastYear, readMerges(g.merges, findings), settings.scoring.levels, findings);
  const read = readIndicators(g.indicators);
  findings.push(...read.findings);
  return {
    settings,
    units,
    rubrics,
    narrative: content.narrative,
    ...(content.outline ? { outline: content.outline } : {}),
    indicators: read.indicators,
    previous,
    history,
    findings,
  };
}
