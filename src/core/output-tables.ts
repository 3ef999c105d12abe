// Tool-written sheets (`Kết quả`, `Kiểm tra`, `Nhật ký`) as grids, identical on both back-ends.
import { Cell, Finding, Grid, Unit, UnitResult } from './types';
import { FINDING_COLUMNS, LOG_COLUMNS, RESULT_COLUMNS } from './schema';
import { tableGrid } from './table';
import { NOT_CLASSIFIED } from './types';

export function resultsGrid(results: UnitResult[]): Grid {
  return tableGrid(
    RESULT_COLUMNS,
    results.map((r) => ({
      rank: r.rank,
      code: r.code,
      name: r.name,
      group: r.group,
      groupRank: r.groupRank,
      selfTotal: r.classified || r.selfTotal ? r.selfTotal : null,
      base: r.base,
      bonus: r.bonus,
      penalty: r.penalty,
      total: r.classified ? r.total : null,
      level: r.level ?? NOT_CLASSIFIED,
      reasons: r.reasons.join('; '),
    })),
  );
}

const SEVERITY_ORDER: Record<string, number> = { 'Lỗi': 0, 'Cảnh báo': 1 };

/** Findings, errors first, then by unit code; `cell` shows "Chấm điểm!D12" when known. */
export function findingsGrid(findings: Finding[], units: Unit[]): Grid {
  const names = new Map(units.map((u) => [u.code, u.name]));
  const sorted = [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.unitCode.localeCompare(b.unitCode),
  );
  return tableGrid(
    FINDING_COLUMNS,
    sorted.map((f) => ({
      severity: f.severity,
      unitCode: f.unitCode,
      unitName: names.get(f.unitCode) ?? '',
      criterion: f.criterion ?? '',
      cell: f.cell ? (f.sheet && /^[A-Z]+\d+$/.test(f.cell) ? `${f.sheet}!${f.cell}` : f.cell) : '',
      message: f.message,
      link: f.link ?? '',
    })),
  );
}

export const logHeader = (): Cell[] => Object.values(LOG_COLUMNS);
export const logRow = (time: Date, user: string, action: string, detail: string): Cell[] => [time, user, action, detail];
