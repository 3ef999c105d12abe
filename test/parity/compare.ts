// Comparing the two back-ends' outputs: one normalisation (links and dates, nothing else), then
// cell-by-cell and field-by-field differences, printed as a readable list.
import type { DocModel } from '../../src/core/report-model';
import type { FileIndex, RawCell, Snapshot } from './snapshot';

export type Plain = string | number | boolean;

const DRIVE_URL = /https:\/\/docs\.google\.com\/(?:spreadsheets|document)\/d\/([A-Za-z0-9_-]+)[^\s«»;,)]*/g;
const WORKSPACE_PATH = /Dân vận chính quyền \d{4}\/[^/]+\/[^/]+?\.xlsx/g;

/**
 * THE normalisation, the only one applied before comparing (keep it this small):
 *
 * - a link to a unit file — a workspace-relative path offline ("Dân vận chính quyền 2024/Khối xã,
 *   thị trấn/BS-X01 - Thị trấn Châu Ổ.xlsx", as text or as an .xlsx hyperlink), a Drive URL online
 *   ("https://docs.google.com/spreadsheets/d/<id>/edit#gid=0&range=D12") — becomes
 *   "<file BS-X01 2024>": the unit and the year of the file it points at, taken from that file's
 *   name in the back-end's own index. The cell part of an online link (#gid…&range=D12) is
 *   dropped: the cell is in its own column `Ô`, compared as is. A link to anything else becomes
 *   "<link ?>" (offline text) or "<drive ?>" (online);
 * - a date or a date-time value becomes "<date>" (each back-end stamps its own clock and zone);
 * - an empty cell is '' (exceljs says null, Apps Script '').
 *
 * Nothing else: numbers stay numbers (7 and "7" differ), text is compared exactly (messages,
 * severities, statuses, reasons, ordering).
 */
export function normalise(cell: RawCell | null | undefined, files: FileIndex): Plain {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return '<date>';
  if (typeof cell === 'object') return normalise(cell.link, files);
  if (typeof cell !== 'string') return cell;
  const token = (f: { unit: string; year: number } | undefined, unknown: string) => (f ? `<file ${f.unit} ${f.year}>` : unknown);
  return cell
    .normalize('NFC')
    .replace(DRIVE_URL, (_, id: string) => token(files[id], '<drive ?>'))
    .replace(WORKSPACE_PATH, (p) => token(files[p], '<link ?>'));
}

/**
 * Columns one back-end fills by nature and the other cannot, left out of the cell comparison and
 * checked on their own in story.test.ts: `Khóa ô nhập` says the owner locked a unit file's inputs
 * and read the protection back — the add-on does; an offline .xlsx is on the scorer's own disk,
 * so the CLI leaves it blank.
 */
export const BACK_END_COLUMNS: Record<string, readonly string[]> = { 'Đơn vị': ['Khóa ô nhập'] };

/** Trailing empty cells and rows are not content (a data range vs an .xlsx dimension). */
function normaliseGrid(grid: RawCell[][], files: FileIndex): Plain[][] {
  const rows = grid.map((r) => r.map((c) => normalise(c, files)));
  for (const r of rows) while (r.length && r[r.length - 1] === '') r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** A run's sheets at named moments (`afterRanking`, `afterIllegal`…), with the files its links point at. */
export type Grids<K extends string> = { files: FileIndex } & Record<K, Record<string, RawCell[][]>>;
/** What a failure message shows of a run: its name and what its steps said. */
export type Run = Pick<Snapshot, 'backEnd' | 'steps'>;

export interface Difference {
  where: string;
  cli: unknown;
  addon: unknown;
}

const letter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letter(Math.floor(c / 26) - 1) + letter(c % 26));

/** Cell-by-cell differences of one sheet; each names the row's unit on both sides (column `Mã đơn vị`). */
export function sheetDifferences<K extends string>(sheet: string, cli: Grids<K>, addon: Grids<K>, when: K): Difference[] {
  const a = normaliseGrid(cli[when][sheet] ?? [], cli.files);
  const b = normaliseGrid(addon[when][sheet] ?? [], addon.files);
  const headerOf = (c: number) => String(a[0]?.[c] || b[0]?.[c] || '');
  const codeCol = (g: Plain[][]) => (g[0] ?? []).indexOf('Mã đơn vị');
  const unitOf = (g: Plain[][], r: number) => (r > 0 && codeCol(g) >= 0 && g[r] ? String(g[r][codeCol(g)] ?? '') : '');
  const out: Difference[] = [];
  const rows = Math.max(a.length, b.length);
  const widthOf = (g: Plain[][]) => Math.max(0, ...g.map((r) => r.length));
  // Columns beyond the other side's last column (the add-on's chart data right of `Kết quả`) are
  // one difference each block, listing its headers, rather than one per cell.
  const common = Math.min(widthOf(a), widthOf(b));
  for (const [g, side] of [
    [a, 'cli'],
    [b, 'addon'],
  ] as const) {
    const width = widthOf(g);
    if (width <= common) continue;
    const cells = g.reduce((n, r) => n + r.slice(common).filter((c) => c !== '').length, 0);
    const heads = Array.from({ length: width - common }, (_, i) => String(g[0]?.[common + i] ?? '')).filter(Boolean);
    const block = `${cells} cells in ${width - common} columns headed ${heads.map((h) => `«${h}»`).join(', ')}`;
    out.push({
      where: `${sheet}!${letter(common)}1:${letter(width - 1)}${g.length} (columns only one back-end writes)`,
      cli: side === 'cli' ? block : '(nothing)',
      addon: side === 'addon' ? block : '(nothing)',
    });
  }
  for (let r = 0; r < rows; r++) {
    const width = Math.min(Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0), common);
    for (let c = 0; c < width; c++) {
      const x = a[r]?.[c] ?? '';
      const y = b[r]?.[c] ?? '';
      if (x === y) continue;
      if (r > 0 && (BACK_END_COLUMNS[sheet] ?? []).includes(headerOf(c))) continue;
      const units = [unitOf(a, r), unitOf(b, r)];
      const unit = units[0] === units[1] ? (units[0] ? ` ${units[0]}` : '') : ` ${units[0] || '—'}/${units[1] || '—'}`;
      const head = headerOf(c);
      out.push({ where: `${sheet}!${letter(c)}${r + 1}${head && r > 0 ? ` «${head}»` : ''}${unit}`, cli: x, addon: y });
    }
  }
  return out;
}

/** Every printed value of a document model by path: fields.x, lists.x[i], tables.x.rows[i][j]… */
function flatten(model: DocModel | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!model) return out;
  for (const [k, v] of Object.entries(model.fields)) out.set(`fields.${k}`, v);
  for (const [k, list] of Object.entries(model.lists)) list.forEach((v, i) => out.set(`lists.${k}[${i}]`, v));
  for (const [k, lines] of Object.entries(model.outlines ?? {}))
    lines.forEach((l, i) => out.set(`outlines.${k}[${i}]`, `${l.level}|${l.text}`));
  for (const [k, t] of Object.entries(model.tables)) {
    t.header.forEach((v, j) => out.set(`tables.${k}.header[${j}]`, v));
    t.rows.forEach((row, i) => row.forEach((v, j) => out.set(`tables.${k}.rows[${i}][${j}]`, v)));
    out.set(`tables.${k}.widths`, t.widths.join(','));
    out.set(`tables.${k}.align`, t.align.join(','));
  }
  return out;
}

const ABSENT = '<absent>';

/** Field-by-field differences of two document models (a missing model: every value absent). */
export function modelDifferences(kind: string, cli: DocModel | undefined, addon: DocModel | undefined): Difference[] {
  const a = flatten(cli);
  const b = flatten(addon);
  const out: Difference[] = [];
  if (!cli || !addon) out.push({ where: `${kind}: model`, cli: cli ? 'built' : 'not built', addon: addon ? 'built' : 'not built' });
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.has(key) ? a.get(key) : ABSENT;
    const y = b.has(key) ? b.get(key) : ABSENT;
    if (x !== y) out.push({ where: `${kind}.${key}`, cli: x, addon: y });
  }
  return out;
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The differences as the assertion message: one line each, then what each back-end's steps said. */
export function describeDifferences(title: string, diffs: Difference[], cli: Run, addon: Run): string {
  const lines = [`${title}: ${diffs.length} difference(s) between the CLI and the add-on`, ''];
  for (const d of diffs) lines.push(`- ${d.where}`, `    CLI:    ${show(d.cli)}`, `    add-on: ${show(d.addon)}`);
  lines.push('', 'Steps (not compared):');
  for (const s of [cli, addon]) {
    for (const st of s.steps) lines.push(`  [${s.backEnd}] ${st.step}: ${st.outcome} — ${st.output.split('\n')[0]}`);
  }
  return lines.join('\n');
}

/** Fails with the readable list when there is any difference. */
export function expectNoDifferences(title: string, diffs: Difference[], cli: Run, addon: Run): void {
  if (diffs.length) throw new Error(describeDifferences(title, diffs, cli, addon));
}
