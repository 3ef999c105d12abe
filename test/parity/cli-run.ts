// The story on the offline back-end: the `dvcq` commands run in-process on real .xlsx files in a
// temporary workspace, the unit workbooks edited by header text as a user (or Excel) would.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { init } from '../../src/node/commands/init';
import { templates } from '../../src/node/commands/templates';
import { submit } from '../../src/node/commands/submit';
import { rank } from '../../src/node/commands/rank';
import { report } from '../../src/node/commands/report';
import { validate } from '../../src/node/commands/validate';
import { controlPath } from '../../src/node/workspace';
import { capture, editBook, header, openBook, rowsOf, text, tmpDir, typeScores, xlsxFiles } from '../node/helpers';
import { ModelCapture } from './models';
import { NEXT_YEAR, Story, STORY_NOW } from './story';
import { COMPARED_SHEETS, FileIndex, RawCell, Snapshot, StepLog } from './snapshot';

/** A worksheet as a grid of raw values, read with exceljs (row 1 = index 0). */
export function xlsxGrid(sheet: ExcelJS.Worksheet | undefined): RawCell[][] {
  if (!sheet) return [];
  const grid: RawCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const line: RawCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) line.push(xlsxValue(row.getCell(c).value));
    grid.push(line);
  }
  return grid;
}

function xlsxValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object' && 'formula' in v) {
    const result = (v as { result?: unknown }).result;
    return result === undefined || result === null ? `=${v.formula}` : (result as RawCell);
  }
  if (typeof v === 'object' && 'hyperlink' in v) return { link: text(v.text), target: v.hyperlink };
  return text(v);
}

export async function snapshotOf(ws: string): Promise<Record<string, RawCell[][]>> {
  const wb = await openBook(controlPath(ws));
  return Object.fromEntries(COMPARED_SHEETS.map((name) => [name, xlsxGrid(wb.getWorksheet(name))]));
}

/** The unit workbook of each unit, from `Đơn vị`/`Liên kết` (a path relative to the workspace). */
export async function unitFilesOf(ws: string): Promise<Record<string, string>> {
  const units = rowsOf((await openBook(controlPath(ws))).getWorksheet('Đơn vị')!, ['Mã đơn vị', 'Liên kết']);
  return Object.fromEntries(units.map((u) => [text(u['Mã đơn vị']), path.join(ws, text(u['Liên kết']))]));
}

/** Every unit workbook of the workspace: "Dân vận chính quyền 2024/<Nhóm>/BS-X01 - Thị trấn Châu Ổ.xlsx". */
export function fileIndex(ws: string): FileIndex {
  const index: FileIndex = {};
  for (const file of xlsxFiles(ws)) {
    const link = path.relative(ws, file).split(path.sep).join('/');
    const m = /^Dân vận chính quyền (\d{4})\/[^/]+\/(\S+) - [^/]*\.xlsx$/.exec(link.normalize('NFC'));
    if (m) index[link.normalize('NFC')] = { unit: m[2], year: Number(m[1]) };
  }
  return index;
}

export async function runCliStory(story: Story, models: ModelCapture): Promise<Snapshot> {
  const ws = tmpDir('dvcq-parity-');
  const steps: StepLog[] = [];
  const step = async (name: string, run: (ctx: ReturnType<typeof capture>) => Promise<number>) => {
    const ctx = capture(STORY_NOW);
    let outcome: string;
    try {
      outcome = `exit ${await run(ctx)}`;
    } catch (e) {
      outcome = `error: ${(e as Error).message}`;
    }
    steps.push({ step: name, outcome, output: ctx.text() });
  };

  // 1. The control workbook with the Bình Sơn 2024 sample.
  await step('init --sample', (ctx) => init(ws, { sample: 'binh-son-2024' }, ctx));
  // 2. One workbook per unit.
  await step('templates', (ctx) => templates(ws, {}, ctx));
  // 3. Scorers type their scores, evidence and notes.
  const files = await unitFilesOf(ws);
  for (const [unit, values] of Object.entries(story.typed)) await typeScores(files[unit], values);
  // 4. Submissions.
  await step('submit', async (ctx) => {
    const code = await submit(ws, story.submit, ctx);
    const count = (re: RegExp) => ctx.lines.concat(ctx.errors).filter((l) => re.test(l)).length;
    // A one-line summary first (the failure message shows the first line of each step).
    ctx.lines.unshift(
      `${count(/đã nộp kết quả từ trước/)} already submitted, ${count(/^Đã nộp kết quả:/)} submitted now, ${count(/^Không nộp được/)} refused`,
    );
    return code;
  });
  // 5. The appraisal council types `Thẩm định` into two workbooks.
  for (const [unit, byCode] of Object.entries(story.appraised)) {
    await typeScores(files[unit], Object.fromEntries(Object.entries(byCode).map(([code, v]) => [code, { 'Thẩm định': v }])));
  }
  // 6. Rank, then the report and the decision (one command writes both).
  await step('rank', (ctx) => rank(ws, {}, ctx));
  models.start();
  await step('report', (ctx) => report(ws, {}, ctx));
  const docs = models.take();
  const afterRanking = await snapshotOf(ws);

  // 7. A new year: `Năm` 2024 → 2025 in `Cấu hình`, templates again, validate.
  await editBook(controlPath(ws), (wb) => {
    const sheet = wb.getWorksheet('Cấu hình')!;
    const h = header(sheet, ['Khóa', 'Giá trị']);
    for (let r = h.row + 1; r <= sheet.rowCount; r++) {
      if (text(sheet.getRow(r).getCell(h.col('Khóa')).value).trim() === 'Năm') sheet.getRow(r).getCell(h.col('Giá trị')).value = NEXT_YEAR;
    }
  });
  await step(`Năm → ${NEXT_YEAR}: templates`, (ctx) => templates(ws, {}, ctx));
  await step('validate', (ctx) => validate(ws, {}, ctx));
  const afterNewYear = await snapshotOf(ws);

  return { backEnd: 'CLI', afterRanking, afterNewYear, report: docs.report, decision: docs.decision, steps, files: fileIndex(ws) };
}
