// The files open in a real office suite: LibreOffice recomputes every unit workbook's formulas to
// the totals of `dvcq rank`, and converts the report and the decision to PDF with their text intact.
// Needs LibreOffice and poppler-utils (installed by .ci/run).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('LibreOffice computes the same totals as dvcq rank for every unit', () => {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/check-office.sh')], { cwd: ROOT, encoding: 'utf8' });
  expect(out).toMatch(/check-office: 37 đơn vị, LibreOffice và dvcq cho cùng tổng điểm/);
}, 180_000);

/**
 * The demo's report and decision (.docx) of `year`, converted to PDF by LibreOffice: the pages of
 * each as pdftotext reads them, by the PDF's file name.
 */
function demoPdfPages(year: number, sample?: string): (name: string) => string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-office-'));
  execFileSync('node', [path.join(ROOT, 'build/cli.js'), 'demo', path.join(dir, 'ws'), ...(sample ? ['--sample', sample] : [])], {
    encoding: 'utf8',
  });
  const docs = path.join(dir, 'ws', `Dân vận chính quyền ${year}`);
  const files = fs
    .readdirSync(docs)
    .filter((f) => f.endsWith('.docx'))
    .map((f) => path.join(docs, f));
  expect(files).toHaveLength(2);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'ignore',
  });
  return (name) => execFileSync('pdftotext', ['-layout', path.join(dir, name), '-'], { encoding: 'utf8' }).split('\f');
}

test('the report and the decision convert to PDF with their text intact', () => {
  const pages = demoPdfPages(2024, 'binh-son-2024');
  const text = (name: string) => pages(name).join('\f');
  const report = text('Báo cáo dân vận chính quyền 2024 - DỰ THẢO.pdf');
  expect(report).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(report).toContain('Kết quả thực hiện công tác dân vận chính quyền năm 2024');
  expect(report).toContain('Bình Sơn, ngày 18 tháng 12 năm 2024');
  expect(report).toMatch(/12\s+Xã Bình Đông\s+84,75/);
  // The appraisal's table, with a reason, survives the page layout.
  expect(report).toMatch(/Các tiêu chí có điểm thẩm định khác điểm tự chấm/i);
  expect(report).toMatch(/Lý do thẩm định/);
  const decision = text('Quyết định xếp loại dân vận chính quyền 2024 - DỰ THẢO.pdf');
  expect(decision).toContain('QUYẾT ĐỊNH');
  expect(decision).toMatch(/Phụ lục/i);
  expect(decision).toContain('Xã Bình Nguyên');
}, 180_000);

// NĐ 30/2020: the signature does not stand alone on a page. In the province sample, Điều 3 ended
// page 1 and the signature block fell alone on page 2; the last paragraph now keeps with it.
test('the signature block shares its page with the text it signs (province sample)', () => {
  const pages = demoPdfPages(2025);
  const signed = (name: string) => pages(name).find((p) => p.includes('Nơi nhận:'))!;
  expect(signed('Quyết định xếp loại dân vận chính quyền 2025 - DỰ THẢO.pdf')).toMatch(/Điều 3\./);
  expect(signed('Báo cáo dân vận chính quyền 2025 - DỰ THẢO.pdf')).toMatch(/kính báo cáo\.\/\./);
}, 180_000);
