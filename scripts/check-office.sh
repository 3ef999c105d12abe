#!/usr/bin/env bash
# Optional check that a real office suite computes the same totals as the core.
#
# Runs the demo, converts every unit workbook (sheet «Chấm điểm») to CSV with LibreOffice — which
# recomputes the formulas, since they are written without cached results — and compares the
# «TỔNG ĐIỂM» row (column «Thẩm định» = the score that counts, column «Tự chấm» = self-score) with
# `dvcq rank --json` for every unit that has a score (classified or not).
#
# Needs LibreOffice: apt-get install -y libreoffice-calc-nogui (.ci/run installs it; test/node/office.test.ts runs this).
# Usage: scripts/check-office.sh            exit 0 = all equal, 1 = a difference, 2 = cannot run
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1; then
  echo "Không có LibreOffice (soffice). Cài: apt-get install -y libreoffice-calc-nogui" >&2
  exit 2
fi
npm run build --silent
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node build/cli.js demo "$work/ws" >/dev/null
node build/cli.js rank "$work/ws" --json >"$work/rank.json"
mapfile -d '' files < <(find "$work/ws" -path '*Dân vận chính quyền*' -name '*.xlsx' ! -name '*(cũ *' -print0)
mkdir -p "$work/csv"
soffice "-env:UserInstallation=file://$work/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$work/csv" "${files[@]}" >/dev/null 2>&1 || true
node - "$work/rank.json" "$work/csv" <<'JS'
const fs = require('fs'), path = require('path');
const [rankFile, csvDir] = process.argv.slice(2);
const results = JSON.parse(fs.readFileSync(rankFile, 'utf8'));
function parseCsv(text) {
  const rows = []; let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) { if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch; }
    else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
const num = (s) => Number(String(s).trim().replace(',', '.'));
let compared = 0, bad = 0;
for (const r of results) {
  const csv = fs.readdirSync(csvDir).find((f) => f.startsWith(`${r.code} - `));
  if (!csv) { console.log(`${r.code}: không có tệp CSV (LibreOffice không chuyển được?)`); bad++; continue; }
  const rows = parseCsv(fs.readFileSync(path.join(csvDir, csv), 'utf8'));
  const header = rows.find((x) => x.includes('Tự chấm') && x.includes('Thẩm định'));
  const total = rows.find((x) => x.some((c) => c.startsWith('TỔNG ĐIỂM')));
  if (!header || !total) { console.log(`${r.code}: không thấy dòng tiêu đề hoặc dòng TỔNG ĐIỂM`); bad++; continue; }
  const office = num(total[header.indexOf('Thẩm định')]), officeSelf = num(total[header.indexOf('Tự chấm')]);
  if (r.total === null) { console.log(`${r.code}: chưa có điểm (${r.reasons.join('; ')}), bỏ qua`); continue; }
  compared++;
  const ok = Math.abs(office - r.total) < 0.005 && Math.abs(officeSelf - r.selfTotal) < 0.005;
  if (!ok) bad++;
  console.log(`${r.code}: LibreOffice ${office} (tự chấm ${officeSelf}) — dvcq ${r.total} (tự chấm ${r.selfTotal})${ok ? '' : '  ← KHÁC'}`);
}
console.log(bad ? `check-office: ${bad} khác biệt` : `check-office: ${compared} đơn vị, LibreOffice và dvcq cho cùng tổng điểm`);
process.exit(bad ? 1 : 0);
JS
