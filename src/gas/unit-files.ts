// Unit spreadsheets in Drive: one master per rubric and year, fully drawn once; each unit's file
// is a copy of it with the unit's header rows and meta values written in two setValues.
import type { Rubric, Unit } from '../core/types';
import type { Settings } from '../core/config';
import { unitSheetLayout } from '../core/unit-sheet';
import { SHEETS } from '../core/schema';
import { a1 } from '../core/table';
import { safeFileName, sheetA1, sheetValue } from '../core/gas-support';
import { unitFileStem } from '../core/file-names';
import { Env, nowOf } from './env';
import { KEYS, MasterRecord, Store } from './store';
import { metaGrid, perUnitMetaRows, SUBMISSION_META_ROWS } from './unit-meta';
import { layoutFingerprint, layoutOptions } from '../core/unit-sheet';
import { drawScoringSheet, ownerOnly } from './unit-draw';
import { filesWithIdentity, fileState, trashFile } from './drive';
import { hasIdentity, masterIdentity } from '../core/file-identity';
import { masterSpreadsheet, scorerMaster } from './scorer-master';
import { setVietnameseSettings } from './locale';
import { PROTECTION_NOT_SET, UserError } from './errors';
import type { GUser } from './services';

/** A unit standing in for "any unit" of a rubric: the master is drawn for it (rows 2–6 are rewritten per unit). */
export function anyUnit(rubric: Rubric): Unit {
  return { code: '', name: '', type: '', group: '', rubricId: rubric.id, email: '', gates: [], status: '', link: '' };
}

/** Rows of the layout written per unit: 2–6 (unit, group, deadline, status) and the hidden column. */
export const UNIT_HEADER_ROWS = { first: 1, last: 5 } as const;

/** One master per year and layout fingerprint (rubric, step, bonus cap). */
export function masterKey(settings: Settings, rubric: Rubric): string {
  return KEYS.master(settings.year, layoutFingerprint(rubric, layoutOptions(settings, rubric)));
}

/** "<code> - <name> - Biểu chấm điểm DVCQ <year>": the same stem as offline, unique per unit code. */
export function unitFileName(unit: Unit, year: number): string {
  return safeFileName(`${unitFileStem(unit)} - Biểu chấm điểm DVCQ ${year}`);
}

/** The master of `rubric` for this year, built in `folderId` (and remembered) when missing. */
export function ensureMaster(env: Env, store: Store, settings: Settings, rubric: Rubric, folderId: string): MasterRecord {
  const key = masterKey(settings, rubric);
  const known = store.getJson<MasterRecord>(key);
  // A trashed or deleted master is replaced (it holds no scores); so is one made before the
  // administrator configured the master carrying the scorer's script.
  if (known && fileState(env, known.id).state === 'ok' && (known.scorerScript || scorerMaster(env, store).state !== 'ok')) return known;
  // A master left by a run killed while building it is not trusted (it may be half drawn): it is
  // found by its identity and trashed, then the master is built again.
  const identity = masterIdentity(settings.year, layoutFingerprint(rubric, layoutOptions(settings, rubric)));
  for (const f of filesWithIdentity(env, folderId, settings.year)) if (hasIdentity(f.properties, identity)) trashFile(env, f.id);
  const record = buildMaster(env, store, settings, rubric, folderId, identity);
  store.setJson(key, record);
  return record;
}

function buildMaster(
  env: Env,
  store: Store,
  settings: Settings,
  rubric: Rubric,
  folderId: string,
  identity: Record<string, string>,
): MasterRecord {
  const opts = layoutOptions(settings, rubric);
  const layout = unitSheetLayout(anyUnit(rubric), rubric, opts);
  // A copy of the administrator's master when configured: it brings the scorer's bound script.
  const { ss, scorerScript } = masterSpreadsheet(
    env,
    store,
    safeFileName(`Mẫu gốc biểu chấm điểm ${rubric.id} năm ${settings.year}`),
    folderId,
    identity,
  );
  setVietnameseSettings(ss); // the unit files are copies: they inherit both
  const sheet = ss.getSheets()[0];
  sheet.setName(SHEETS.scoring);
  drawScoringSheet(env.gas, sheet, layout, opts.step, 'Biểu chấm điểm: chỉ nhập ở các ô nền trắng (Tự chấm, Minh chứng, Ghi chú).');

  // The administrator (owner of every unit file, the appraisal council) reads the evidence scorers attach.
  const owner = env.gas.Session.getEffectiveUser().getEmail();
  const meta = metaGrid(layout, anyUnit(rubric), settings, opts, owner).map((r) => r.map((c) => sheetValue(c)));
  const metaSheet = ss.insertSheet(SHEETS.meta);
  metaSheet.getRange(1, 1, meta.length, 2).setValues(meta);
  metaSheet.hideSheet();
  const metaProtection = metaSheet.protect().setDescription('Thông tin biểu mẫu do công cụ ghi; không sửa.');
  // The submission rows (last rows) stay writable: the scorer's submission is recorded there.
  metaProtection.setUnprotectedRanges([metaSheet.getRange(meta.length - SUBMISSION_META_ROWS + 1, 2, SUBMISSION_META_ROWS, 1)]);
  if (!ownerOnly(metaProtection, env.gas.Session.getEffectiveUser())) throw new UserError(PROTECTION_NOT_SET);
  return { id: ss.getId(), gid: sheet.getSheetId(), scorerScript };
}

/** What differs between two units' files: rows 2–6 (all columns) and the meta values. */
export function unitSpecificValues(env: Env, settings: Settings, rubric: Rubric, unit: Unit, owner: string) {
  const opts = layoutOptions(settings, rubric, nowOf(env));
  const layout = unitSheetLayout(unit, rubric, opts);
  const { first, last } = UNIT_HEADER_ROWS;
  const width = layout.cells[0].length;
  const header = layout.cells.slice(first, last + 1).map((r) => r.map((c) => sheetValue(c)));
  const meta = metaGrid(layout, unit, settings, opts, owner);
  const metaRows = meta.slice(1, 1 + perUnitMetaRows(meta)).map((r) => [sheetValue(r[1])]);
  return {
    headerA1: sheetA1(SHEETS.scoring, `${a1(first, 0)}:${a1(last, width - 1)}`),
    header,
    metaA1: sheetA1(SHEETS.meta, `B2:B${1 + metaRows.length}`),
    metaRows,
  };
}

/** Sheet protections of a unit file: `Chấm điểm` and the hidden meta sheet. */
const PROTECTED_SHEETS = 2;

/**
 * Write the unit's header block and meta values into its copy (opened by id), and set its
 * protections to "owner only" explicitly — never trusted as the copy carried them — then check
 * them; a file whose protections do not check out throws (it is not shared).
 */
export function personalize(env: Env, fileId: string, settings: Settings, rubric: Rubric, unit: Unit, me: GUser, owner: string): void {
  const v = unitSpecificValues(env, settings, rubric, unit, owner);
  const ss = env.gas.SpreadsheetApp.openById(fileId);
  ss.getRange(v.headerA1).setValues(v.header);
  ss.getRange(v.metaA1).setValues(v.metaRows);
  const protections = ss.getProtections(env.gas.SpreadsheetApp.ProtectionType.SHEET);
  const checked = protections.map((p) => ownerOnly(p, me));
  if (protections.length < PROTECTED_SHEETS || !checked.every(Boolean)) throw new UserError(PROTECTION_NOT_SET);
}
