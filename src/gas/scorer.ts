// Server functions of the scorer's sidebar, run in a unit spreadsheet (the active one).
import type { Cell } from '../core/types';
import { STATUS } from '../core/types';
import { SCORING_COLUMNS, SHEETS } from '../core/schema';
import { STATUS_CELLS, unitSheetLayout } from '../core/unit-sheet';
import { a1, columnLetter } from '../core/table';
import { cellText, normalizeHeader, parseScore } from '../core/text';
import { hasBlockingError } from '../core/validate';
import { parseA1, sheetA1, sheetText } from '../core/gas-support';
import type { EntryField, ScorerState } from './api';
import type { GProtection } from './services';
import { activeUser, Env, nowOf } from './env';
import { UserError } from './errors';
import { buildState, canAppraise, openUnitView, protectionOf, readView, statusOf, UnitView } from './unit-view';
import { EXTRA_META, metaValues } from './unit-meta';
import { ownerOnly, scorerRanges } from './unit-draw';
import { scoringLine, submittedLine } from '../core/submission-line';
import { inputsFingerprint } from '../core/inputs-fingerprint';
import { explanationRequestLine, scorerEditRefusal, scorerFields } from '../core/round-flow';

const FIELDS: readonly EntryField[] = ['self', 'appraised', 'evidence', 'note', 'explanation'];

export function scorerState(env: Env): ScorerState {
  const view = openUnitView(env);
  return buildState(view, canAppraise(env, view, protectionOf(env, view)));
}

/** What is stored for a typed value: numbers as numbers, any text as plain text (never a formula). */
export function storedValue(field: EntryField, value: string): { write: Cell; read: Cell } {
  const text = String(value ?? '')
    .normalize('NFC')
    .trim();
  if (text === '') return { write: '', read: null };
  if (field === 'self' || field === 'appraised') {
    const p = parseScore(text);
    if (p.kind === 'number') return { write: p.value, read: p.value };
  }
  return { write: sheetText(text), read: text };
}

function rowOf(view: UnitView, code: string): number {
  const col = view.header.cols.code!;
  for (let r = view.header.headerRow + 1; r < view.grid.length; r++) {
    if (cellText(view.grid[r]?.[col] ?? null) === code) return r;
  }
  return -1;
}

export function scorerSave(env: Env, code: string, field: EntryField, value: string): ScorerState {
  if (!FIELDS.includes(field)) throw new UserError(`Không rõ ô cần ghi («${String(field)}»).`);
  const view = openUnitView(env);
  const protection = protectionOf(env, view);
  const appraise = canAppraise(env, view, protection);
  // After the submission the scorer's inputs are closed (while returned for explanation: only
  // Giải trình and Minh chứng open); the appraisal (owner) goes on.
  const refusal = field === 'appraised' ? '' : scorerEditRefusal(statusOf(view), field);
  if (refusal) throw new UserError(refusal);
  const c = view.rubric.byCode[code];
  if (!c || c.children.length) throw new UserError(`Tiêu chí «${code}» không có ô nhập điểm (chỉ nhập ở tiêu chí thành phần).`);
  if (field === 'appraised' && !appraise) {
    throw new UserError('Chỉ Hội đồng thẩm định (chủ sở hữu biểu mẫu) được nhập cột «Thẩm định».');
  }
  const r = rowOf(view, code);
  const col = view.header.cols[field];
  if (r < 0 || col === undefined) {
    throw new UserError(
      `Không tìm thấy ô của tiêu chí ${code} trong sheet «${SHEETS.scoring}» (dòng hoặc cột «${SCORING_COLUMNS[field]}» có thể đã bị xóa).`,
    );
  }
  const v = storedValue(field, value);
  view.ss.getRange(sheetA1(SHEETS.scoring, a1(r, col))).setValue(v.write);
  // The sheet now holds this value (and no formula): update the read grid instead of reading again.
  view.grid[r][col] = v.read;
  const flagCol = parseA1(STATUS_CELLS.meta)![1];
  if (view.grid[r].length > flagCol) view.grid[r][flagCol] = cellText(view.grid[r][flagCol] ?? null).replace(columnLetter(col), '');
  return buildState(view, appraise);
}

/**
 * The submission rows of the meta sheet: time, user and — in files made since it exists — the
 * fingerprint of the inputs (one setValues).
 */
function writeMeta(view: UnitView, at: Cell, by: Cell, fingerprint: string): void {
  const meta = metaValues(view.metaGrid);
  const rowAt = meta.get(normalizeHeader(EXTRA_META.submittedAt))?.row;
  const rowBy = meta.get(normalizeHeader(EXTRA_META.submittedBy))?.row;
  const rowCheck = meta.get(normalizeHeader(EXTRA_META.submittedCheck))?.row;
  if (!rowAt || rowBy !== rowAt + 1) return;
  const values: Cell[][] = [[at], [by === '' ? '' : sheetText(String(by))]];
  if (rowCheck === rowBy + 1) values.push([sheetText(fingerprint)]);
  view.metaSheet.getRange(rowAt, 2, values.length, 1).setValues(values);
  values.forEach((v, i) => (view.metaGrid[rowAt - 1 + i][1] = i === 2 ? fingerprint : i === 1 ? by : at));
}

function writeStatus(view: UnitView, line: string, status: string): void {
  view.ss.getRange(sheetA1(SHEETS.scoring, STATUS_CELLS.text)).setValue(line);
  view.ss.getRange(sheetA1(SHEETS.scoring, STATUS_CELLS.meta)).setValue(status);
  for (const [cell, value] of [
    [STATUS_CELLS.text, line],
    [STATUS_CELLS.meta, status],
  ] as const) {
    const at = parseA1(cell)!;
    if (view.grid[at[0]]) view.grid[at[0]][at[1]] = value;
  }
}

/**
 * "Nộp kết quả": refused (findings returned) while a blocking error remains; else the submission
 * is recorded — with a fingerprint of the inputs, so a change made afterwards in the sheet is
 * detected by the collection — and, when the user may edit the protection (the owner), the
 * inputs are locked now. A scorer cannot lock a protection he does not own: the admin's next
 * collection locks it.
 */
export function scorerSubmit(env: Env): ScorerState {
  const view = openUnitView(env);
  const protection = protectionOf(env, view);
  const appraise = canAppraise(env, view, protection);
  const state = buildState(view, appraise);
  if (state.locked || hasBlockingError(state.findings)) return state;
  const now = nowOf(env);
  const user = activeUser(env);
  const lockNow = !!protection && protection.canEdit();
  const fingerprint = inputsFingerprint(readView(view).entries);
  writeStatus(view, submittedLine(now, user, lockNow, fingerprint), STATUS.submitted);
  writeMeta(view, now, user, fingerprint);
  if (lockNow) protection.setUnprotectedRanges([]);
  return buildState(view, appraise);
}

/** "Mở lại" (owner only): inputs editable again, status back to 'Đang chấm'. */
export function scorerReopen(env: Env): ScorerState {
  const view = openUnitView(env);
  let protection: GProtection | null = protectionOf(env, view);
  const appraise = canAppraise(env, view, protection);
  if (!appraise) throw new UserError('Chỉ chủ sở hữu biểu mẫu (cơ quan quản lý) mới mở lại được biểu mẫu đã nộp.');
  if (!protection) {
    protection = view.sheet.protect().setDescription('Biểu chấm điểm: chỉ nhập ở các ô nền trắng (Tự chấm, Minh chứng, Ghi chú).');
    ownerOnly(protection, env.gas.Session.getEffectiveUser());
  }
  const layout = unitSheetLayout(view.unit, view.rubric, {
    year: view.year ?? nowOf(env).getFullYear(),
    step: view.scoring.step,
    bonusCap: view.scoring.bonusCap,
  });
  protection.setUnprotectedRanges(view.sheet.getRangeList(scorerRanges(layout)).getRanges());
  writeStatus(view, scoringLine(nowOf(env)), STATUS.scoring);
  writeMeta(view, '', '', '');
  return buildState(view, appraise);
}

/**
 * «Gửi giải trình»: only while the file shows «Trả lại để giải trình» (the owner's copy); the request
 * is written in the file's status cells, and the owner's next collection accepts it (status, lock,
 * read back) only while `Đơn vị` says the unit is returned. The scorer cannot lock: nothing else here.
 */
export function scorerExplain(env: Env): ScorerState {
  const view = openUnitView(env);
  const appraise = canAppraise(env, view, protectionOf(env, view));
  const status = statusOf(view);
  if (scorerFields(status) !== 'explanation') {
    throw new UserError(
      `Chưa gửi giải trình được: biểu mẫu đang ở trạng thái «${status}», chỉ gửi khi cơ quan quản lý trả lại để giải trình.`,
    );
  }
  writeStatus(view, sheetText(explanationRequestLine(nowOf(env), activeUser(env))), STATUS.explained);
  return buildState(view, appraise);
}
