// dvcq rank <ws> [--json]: results to `Kết quả` (levels coloured), findings to `Kiểm tra`.
import type { UnitResult } from '../../core/types';
import { NOT_CLASSIFIED } from '../../core/types';
import { formatNumber } from '../../core/format';
import { SHEETS } from '../../core/schema';
import { Context } from '../context';
import { runStep } from '../assess-workspace';

export interface RankOptions {
  json?: boolean;
}

/** What `rank --json` prints for a unit. */
export function resultJson(r: UnitResult) {
  return {
    code: r.code,
    name: r.name,
    group: r.group,
    rubricId: r.rubricId,
    base: r.base,
    bonus: r.bonus,
    penalty: r.penalty,
    total: r.scored === false ? null : r.total,
    selfTotal: r.scored === false ? null : r.selfTotal,
    appraised: r.appraised,
    level: r.level,
    levelCode: r.levelCode,
    rank: r.rank,
    groupRank: r.groupRank,
    classified: r.classified,
    reasons: r.reasons,
  };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(results: UnitResult[]): string[] {
  const rows = results.map((r) => [
    r.rank === null ? '—' : String(r.rank),
    r.code,
    r.name,
    r.group,
    r.classified ? formatNumber(r.total, 2) : '—',
    r.level ?? NOT_CLASSIFIED,
    r.reasons.join('; '),
  ]);
  const header = ['Thứ hạng', 'Mã', 'Tên đơn vị', 'Nhóm', 'Tổng điểm', 'Xếp loại', 'Ghi chú'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 4 ? padLeft(c, widths[i]) : i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ');
  return [line(header), ...rows.map(line)];
}

export async function rank(ws: string, opts: RankOptions, ctx: Context): Promise<number> {
  const { file, findings, results, summary } = await runStep(ws, 'rank', ctx);
  if (opts.json) {
    ctx.out(JSON.stringify(results.map(resultJson), null, 2));
    return 0;
  }
  const errors = findings.filter((f) => f.severity === 'Lỗi').length;
  if (!summary) return 1;
  for (const l of table(results)) ctx.out(l);
  ctx.out('');
  ctx.out(
    `Xếp loại ${summary.classified}/${summary.total} đơn vị: ` +
      summary.byLevel.map((l) => `${l.level} ${l.count}`).join(', ') +
      `; không xếp loại ${summary.notClassified}.`,
  );
  ctx.out(`Đã ghi sheet «${SHEETS.results}» và «${SHEETS.findings}» (${errors} lỗi, ${findings.length - errors} cảnh báo) vào «${file}».`);
  return 0;
}
