import { newWorld, rowsOf, control, ADMIN } from './helpers';
import { runAll, preparedSample } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { adminRun } from '../../src/gas/admin';
import { fillDocument } from '../../src/gas/docs/fill';
import { SHEETS } from '../../src/core/schema';
import { formatNumber } from '../../src/core/format';
import type { World } from './helpers';
import type { DocModel } from '../../src/core/report-model';

function setConfig(w: World, key: string, value: string) {
  const sheet = control(w).sheet(SHEETS.config);
  const row = sheet.values().findIndex((r) => r[0] === key) + 1;
  sheet.set(`B${row}`, value);
}

describe('Tạo báo cáo và Tạo quyết định xếp loại', () => {
  it('writes the report from the default template into the year folder', () => {
    const w = preparedSample();
    const before = w.fake.calls.snapshot();
    const r = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    expect(r.finished).toBe(true);
    // The default template is made by Drive (Files.create) in the year folder, then copied.
    const template = w.fake.drive.byPath('My Drive/Dân vận chính quyền 2024/Mẫu báo cáo mặc định DVCQ')!;
    expect(template.mimeType).toBe('application/vnd.google-apps.document');
    expect(w.fake.calls.since(before).byMethod).toMatchObject({ 'Files.create': 1, 'Files.copy': 1 });
    expect(w.fake.calls.since(before).byMethod['DocumentApp.create']).toBeUndefined();
    expect(r.message).toMatch(/^Đã tạo báo cáo «Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 - DỰ THẢO»/);
    const docId = /\/d\/([^/]+)/.exec(r.links[0].url)![1];
    const doc = w.fake.documentById(docId)!;
    expect(w.fake.drive.path(docId)).toBe(
      'My Drive/Dân vận chính quyền 2024/Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 - DỰ THẢO',
    );
    const text = doc.text;
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện công tác dân vận chính quyền năm 2024, phương hướng, nhiệm vụ trọng tâm năm 2025');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).not.toMatch(/\{\{[^}]+\}\}/);
    // Numbers in Vietnamese format, every ranked unit in the ranking table.
    const results = rowsOf(w, SHEETS.results).filter((x) => x['Thứ hạng'] !== '');
    const ranking = doc.tables.find((t) => t.cells[0][0] === 'STT' && t.cells[0].includes('Thứ hạng'))!;
    expect(ranking.cells.length - 1).toBe(results.length);
    for (const u of results) {
      const line = ranking.cells.find((row) => row[1] === u['Tên đơn vị'])!;
      expect(line[3]).toBe(formatNumber(Number(u['Tổng điểm']), 2));
    }
    expect(ranking.cells.some((row) => /^\d+,\d\d$/.test(row[3]))).toBe(true);
    expect(text).toMatch(/\d+,\d+%/);
    // Layout: A4, NĐ 30 margins, Times New Roman.
    expect(doc.attributes.MARGIN_LEFT).toBeCloseTo(85.04, 1);
    expect(doc.attributes.MARGIN_TOP).toBeCloseTo(56.69, 1);
    expect(doc.attributes.FONT_FAMILY).toBe('Times New Roman');
    // One insertTable per table (the sample's council lowered some criteria: the appraisal table is the fifth).
    const calls = w.fake.calls.since(before).byMethod;
    expect(calls['Body.insertTable']).toBe(5);
    expect(doc.tables.filter((t) => t.cells[0][0] !== '' && t.attributes.BORDER_WIDTH !== 0).length).toBeGreaterThanOrEqual(3);
  });

  it('marks a draft «DỰ THẢO» at the top, signs each document its own way, and puts the ranking in the report appendix', () => {
    const w = preparedSample();
    const report = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    const reportText = w.fake.documentById(/\/d\/([^/]+)/.exec(report.links[0].url)![1])!.text;
    expect(reportText.trimStart().startsWith('DỰ THẢO\n(Bản dự thảo, số liệu chưa chính thức: còn ')).toBe(true);
    expect(reportText).toContain('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(reportText.indexOf('KẾT QUẢ XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024')).toBeGreaterThan(reportText.indexOf('Nơi nhận:'));
    expect(reportText).toContain('Chưa nộp hồ sơ tự chấm điểm');
    const decision = runAll((c) => runAssessChunk(w.env, 'decision', c)).at(-1)!;
    const decisionText = w.fake.documentById(/\/d\/([^/]+)/.exec(decision.links[0].url)![1])!.text;
    expect(decisionText).toContain('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(decisionText).not.toContain('TM.');
    expect(decisionText).toContain('Chưa nộp hồ sơ tự chấm điểm');
  });

  it('the final version is refused while units are in the way, naming them, and nothing is copied', () => {
    const w = preparedSample();
    const before = w.fake.calls.snapshot();
    let last = adminRun(w.env, 'report', null, { final: true });
    while (!last.finished) last = adminRun(w.env, 'report', last.cursor);
    expect(last.failed).toContain('Chưa tạo được bản chính thức');
    expect(last.failed).toMatch(/ {2}- .+ \(BS-[A-Z0-9]+\): Chưa nộp hồ sơ tự chấm điểm/);
    expect(w.fake.calls.since(before).byMethod['Files.copy']).toBeUndefined();
  });

  it('a re-run keeps the previous document under a dated name, and logs it', () => {
    const w = preparedSample();
    const first = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    const firstId = /\/d\/([^/]+)/.exec(first.links[0].url)![1];
    w.advance(60 * 60 * 1000);
    const before = w.fake.calls.snapshot();
    const second = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    // Drive work of a re-run: trashed files of the two group folders; the year folder, the template
    // and the old document checked; the template copied; the old one renamed, then the new one.
    const drive = Object.entries(w.fake.calls.since(before).byMethod).filter(([k]) =>
      /^(Files|Permissions|DriveApp|File|Folder)\./.test(k),
    );
    expect(Object.fromEntries(drive)).toEqual({ 'Files.list': 2, 'Files.get': 3, 'Files.update': 2, 'Files.copy': 1 });
    const secondId = /\/d\/([^/]+)/.exec(second.links[0].url)![1];
    expect(secondId).not.toBe(firstId);
    expect(w.fake.drive.item(firstId)!.name).toBe(
      'Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 - DỰ THẢO (bản cũ 10-12-2024 10:00)',
    );
    expect(second.message).toContain('Bản trước được giữ lại với tên «');
    const logs = rowsOf(w, SHEETS.log).filter((x) => x['Thao tác'] === 'Tạo báo cáo');
    expect(logs).toHaveLength(2);
    expect(String(logs[1]['Chi tiết'])).toContain('bản cũ');
    // The default template is created once.
    expect(w.fake.drive.list().filter((x) => x.name.startsWith('Mẫu báo cáo mặc định'))).toHaveLength(1);
  });

  it('never leaves two documents with the official name', () => {
    const OFFICIAL = 'Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 - DỰ THẢO';
    const w = preparedSample();
    const live = () =>
      w.fake.drive.list().filter((x) => !x.trashed && x.kind === 'file' && x.mimeType === 'application/vnd.google-apps.document');
    const official = () => live().filter((x) => x.name === OFFICIAL);
    const first = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    const firstId = /\/d\/([^/]+)/.exec(first.links[0].url)![1];
    w.advance(60 * 60 * 1000);

    // 1. A template whose table placeholder sits in a table is refused before anything is copied.
    const bad = w.fake.createDocument('Mẫu bảng sai chỗ', {
      paragraphs: ['BÁO CÁO NĂM {{nam}}', '{{dia_danh_ngay}}'],
      table: [['{{xep_hang}}']],
    });
    setConfig(w, 'Mẫu báo cáo', bad.id);
    let before = w.fake.calls.snapshot();
    const refused = adminRun(w.env, 'report', null);
    expect(refused.failed).toMatch(/\{\{xep_hang\}\} của bảng phải là một đoạn riêng trong thân văn bản/);
    expect(w.fake.calls.since(before).byMethod['Files.copy']).toBeUndefined();
    expect(w.fake.calls.since(before).byMethod['Files.update']).toBeUndefined();
    expect(official().map((x) => x.id)).toEqual([firstId]);
    setConfig(w, 'Mẫu báo cáo', '');

    // 2. Filling fails: the copy is trashed at once; the previous document keeps its name.
    w.fake.failAfter('Document.saveAndClose', 0, 'Service Documents failed while accessing document');
    expect(adminRun(w.env, 'report', null).failed).toMatch(/^Tạo báo cáo: /);
    expect(official().map((x) => x.id)).toEqual([firstId]);
    expect(live().filter((x) => x.name.includes('đang tạo'))).toEqual([]);

    // 3. The run dies after the copy (the copy cannot even be trashed): a pending leftover under a
    // working name, never the official one — the next run trashes it and finishes the job.
    w.fake.failAfter('Document.saveAndClose', 0, 'Service Documents failed while accessing document');
    w.fake.failAfter('Files.update', 0, 'Service Documents failed while accessing document');
    adminRun(w.env, 'report', null);
    const leftover = live().filter((x) => x.name.includes('đang tạo'));
    expect(leftover).toHaveLength(1);
    expect(official().map((x) => x.id)).toEqual([firstId]);
    before = w.fake.calls.snapshot();
    const ok = adminRun(w.env, 'report', null);
    expect(ok.failed).toBeUndefined();
    expect(w.fake.calls.since(before).byMethod['Files.copy']).toBe(1);
    expect(w.fake.drive.item(leftover[0].id)!.trashed).toBe(true);
    const newId = /\/d\/([^/]+)/.exec(ok.links[0].url)![1];
    expect(official().map((x) => x.id)).toEqual([newId]);
    expect(w.fake.drive.item(firstId)!.name).toMatch(/^Báo cáo .* \(bản cũ /);
    expect(live().filter((x) => x.name.includes('đang tạo'))).toEqual([]);
    expect(w.fake.documentById(newId)!.text).not.toMatch(/\{\{[^}]+\}\}/);
  });

  it('writes the decision with its appendix', () => {
    const w = preparedSample();
    const r = runAll((c) => runAssessChunk(w.env, 'decision', c)).at(-1)!;
    expect(r.message).toMatch(
      /^Đã tạo quyết định «Quyết định công nhận kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024 - DỰ THẢO»/,
    );
    const doc = w.fake.documentById(/\/d\/([^/]+)/.exec(r.links[0].url)![1])!;
    expect(doc.text).toContain('QUYẾT ĐỊNH');
    expect(doc.text).toContain('Về việc công nhận kết quả đánh giá, phân loại công tác dân vận năm 2024');
    expect(doc.text).toContain('Điều 1.');
    const appendix = doc.tables.find((t) => t.cells[0].includes('Điểm tự chấm'))!;
    expect(appendix.cells.length - 1).toBe(33);
  });

  it('uses a custom template from `Cấu hình`; an unknown placeholder is left as it is and reported', () => {
    const w = preparedSample();
    const t = w.fake.createDocument('Mẫu riêng', {
      paragraphs: ['BÁO CÁO NĂM {{nam}}', '{{dia_danh_ngay}}', 'Tỷ lệ xuất sắc: {{ty_le_htxs}} {{ty_le (%)}}', '{{xep_hang}}', 'Hết.'],
    });
    setConfig(w, 'Mẫu báo cáo', t.id);
    const r = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    const doc = w.fake.documentById(/\/d\/([^/]+)/.exec(r.links[0].url)![1])!;
    expect(doc.paragraphs[0].text).toBe('BÁO CÁO NĂM 2024');
    expect(doc.paragraphs[2].text).toMatch(/^Tỷ lệ xuất sắc: \d+(,\d+)?% \{\{ty_le \(%\)\}\}$/);
    expect(r.message).toContain('{{ty_le (%)}}');
    expect(doc.tables).toHaveLength(1);
    // The template itself is untouched.
    expect(w.fake.documentById(t.id)!.text).toContain('{{nam}}');
  });

  it('refuses a template lacking a required placeholder, naming it', () => {
    const w = preparedSample();
    const t = w.fake.createDocument('Mẫu thiếu', { paragraphs: ['BÁO CÁO NĂM {{nam}}', '{{dia_danh_ngay}}'] });
    setConfig(w, 'Mẫu báo cáo', t.id);
    const r = adminRun(w.env, 'report', null);
    expect(r.finished).toBe(true);
    expect(r.message).toMatch(/thiếu chỗ đánh dấu \{\{xep_hang\}\}/);
    expect(r.message).not.toMatch(/at |Error/);
  });
});

describe('Tạo báo cáo: the outline of «Nội dung báo cáo»', () => {
  it("prints the user's sections, numbered, headings bold or italic, with a bounded number of calls", () => {
    const w = preparedSample();
    const sheet = control(w).sheet(SHEETS.narrative);
    const iii = Number(sheet.find('Đánh giá chung')!.replace(/^[A-Z]+/, ''));
    sheet.insertRowsBefore(iii, 3);
    sheet.set(`A${iii}`, [
      [2, '', 'Chuyển đổi số', 'Triển khai ứng dụng VNeID.'],
      [3, '', 'Cấp huyện', 'Một.'],
      [3, '', 'Cấp xã', ''],
    ]);
    const before = w.fake.calls.snapshot();
    const r = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    expect(r.finished).toBe(true);
    const doc = w.fake.documentById(/\/d\/([^/]+)/.exec(r.links[0].url)![1])!;
    const lines = doc.paragraphs.flatMap((p) => p.text.split('\n'));
    const order = [
      'I. TÌNH HÌNH CHUNG',
      'II. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN',
      '2. Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024',
      '6. Chuyển đổi số',
      'Triển khai ứng dụng VNeID.',
      'a) Cấp huyện',
      'b) Cấp xã',
      '[Nội dung «Cấp xã» — nhập tại sheet «Nội dung báo cáo» rồi tạo lại báo cáo]',
      'III. ĐÁNH GIÁ CHUNG',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ].map((t) => lines.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines.some((l) => l.includes('Dữ liệu mẫu'))).toBe(true);
    // Headings: a bold (levels 1, 2) or italic (level 3) run over exactly their text.
    const runs = doc.paragraphs.flatMap((p) => p.runs);
    const styleOf = (t: string) => runs.find((x) => x.text === t)?.attributes;
    expect(styleOf('III. ĐÁNH GIÁ CHUNG')).toEqual({ BOLD: true });
    expect(styleOf('6. Chuyển đổi số')).toEqual({ BOLD: true });
    expect(styleOf('a) Cấp huyện')).toEqual({ ITALIC: true });
    expect(styleOf('Triển khai ứng dụng VNeID.')).toBeUndefined();
    // One style call per heading, none per body paragraph or character.
    const calls = w.fake.calls.since(before).byMethod;
    const headings = lines.filter((l) => /^([IVX]+\.|\d+\.|[a-z]\)) /.test(l)).length;
    const styled = (calls['Text.setBold'] ?? 0) + (calls['Text.setItalic'] ?? 0);
    expect(styled).toBeGreaterThanOrEqual(15);
    expect(styled).toBeLessThanOrEqual(headings + 5);
  });
});

describe('fillDocument', () => {
  it('replaces placeholders with regex characters literally, and "$" / "\\" in values', () => {
    const w = newWorld();
    const d = w.fake.createDocument('Thử', {
      paragraphs: ['A {{ty_le (%)}} B', 'giá {{gia}}', '{{rong}}', 'C {{ds}}', '{{bang}}', 'cuối'],
    });
    const model: DocModel = {
      fields: { 'ty_le (%)': '25,81%', gia: '$1 \\ 2', rong: '' },
      lists: { ds: ['một'] },
      tables: { bang: { header: ['A', 'B'], rows: [['1', '2']], widths: [1, 1], align: ['left', 'left'] } },
    };
    const doc = w.fake.DocumentApp.openById(d.id);
    const before = w.fake.calls.snapshot();
    const res = fillDocument(w.fake, doc.getBody(), model);
    expect(res.unknown).toEqual([]);
    expect(w.fake.calls.since(before).byMethod['Body.insertTable']).toBe(1);
    const view = w.fake.documentById(d.id)!;
    expect(view.paragraphs.map((p) => p.text)).toEqual(['A 25,81% B', 'giá $1 \\ 2', 'C một', 'cuối']);
    expect(view.tables[0].cells).toEqual([
      ['A', 'B'],
      ['1', '2'],
    ]);
    void ADMIN;
  });
});
