// The default template's formatting (NĐ 30), user templates, and template errors.
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import {
  buildDefaultTemplate,
  checkTemplate,
  renderDocx,
  templateCheckMessages,
  writeDecisionDocx,
  writeReportDocx,
} from '../../src/node/docx';
import { decisionLayout, reportLayout } from '../../src/core/doc-layout';
import { buildReportModel } from '../../src/core/report-model';
import { paragraphs, partNames, partXml, runWithText, xmlText } from './helpers/docx-read';
import { RANKED, sampleInput } from './helpers/sample';

/** A one-section document whose paragraphs are the given texts (each in one run). */
async function docxOf(lines: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
  });
  return Packer.toBuffer(doc);
}

describe('default template formatting (NĐ 30/2020)', () => {
  let xml: string;
  let docx: Buffer;

  beforeAll(async () => {
    docx = await writeReportDocx(sampleInput());
    xml = partXml(docx);
  });

  it('is A4 portrait with 20/20/30/15 mm margins', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('uses Times New Roman, 14 pt by default', () => {
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(partXml(docx, 'word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/);
  });

  it('sets the header lines as the decree says', () => {
    const quocHieu = runWithText(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(quocHieu).toContain('<w:b/>');
    expect(quocHieu).toContain('<w:sz w:val="26"/>');
    const tieuNgu = runWithText(xml, 'Độc lập - Tự do - Hạnh phúc');
    expect(tieuNgu).toContain('<w:b/>');
    expect(tieuNgu).toContain('<w:sz w:val="28"/>');
    // Issuing body: bold, one line per configured line (a line break between them).
    expect(runWithText(xml, 'ỦY BAN NHÂN DÂN')).toContain('<w:b/>');
    expect(runWithText(xml, 'HUYỆN BÌNH SƠN')).toContain('<w:b/>');
    const date = runWithText(xml, 'Bình Sơn, ngày 15 tháng 12 năm 2024');
    expect(date).toContain('<w:i/>');
    expect(date).not.toContain('<w:b/>');
    // A short line under the issuing body and under the motto: empty paragraphs with a bottom border.
    expect((xml.match(/<w:pBdr><w:bottom w:val="single"/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('sets "Nơi nhận:" 12 pt bold italic and the recipients 11 pt', () => {
    const noiNhan = runWithText(xml, 'Nơi nhận:');
    expect(noiNhan).toContain('<w:b/>');
    expect(noiNhan).toContain('<w:i/>');
    expect(noiNhan).toContain('<w:sz w:val="24"/>');
    expect(runWithText(xml, '- Như trên;')).toContain('<w:sz w:val="22"/>');
    expect(runWithText(xml, 'Phạm Quang Sự')).toContain('<w:b/>');
  });

  it('justifies body text with a 1 cm first-line indent and 6 pt after', () => {
    const para = (xml.match(/<w:p>(?:(?!<w:p>)[\s\S])*?<\/w:p>/g) ?? []).find((p) => xmlText(p).startsWith('Toàn huyện có 22 xã'));
    expect(para).toBeDefined();
    expect(para).toContain('<w:jc w:val="both"/>');
    expect(para).toContain('<w:ind w:firstLine="567"/>');
    expect(para).toMatch(/<w:spacing w:after="120"/);
  });

  it('numbers pages in the top margin, not on page 1', () => {
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('<w:headerReference w:type="first"');
    const headers = partNames(docx).filter((n) => /^word\/header\d+\.xml$/.test(n));
    const withPage = headers.filter((h) => partXml(docx, h).includes('<w:instrText xml:space="preserve">PAGE</w:instrText>'));
    // One per section: the report's body and its appendix (the ranking), each numbered from page 2.
    expect(withPage).toHaveLength(2);
  });

  it('repeats the table header row on each page', () => {
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('keeps every placeholder of the template in a single run', async () => {
    for (const layout of [reportLayout(), decisionLayout()]) {
      const tpl = partXml(await buildDefaultTemplate(layout));
      const runs = (tpl.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map(xmlText);
      const opened = runs.filter((t) => (t.match(/\{\{/g) ?? []).length !== (t.match(/\}\}/g) ?? []).length);
      expect(opened).toEqual([]);
    }
  });
});

describe('user templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvcq-docs-'));

  it('replace the default layout when given', async () => {
    const tpl = await docxOf([
      'MẪU RIÊNG CỦA HUYỆN — năm {{nam}}',
      '{{dia_danh_ngay}}',
      '{{#xep_hang}}',
      '{{c0}}. {{c1}}: {{c3}} điểm',
      '{{/xep_hang}}',
      'Người ký: {{ky_ho_ten}}',
    ]);
    const path = join(dir, 'mau-bao-cao.docx');
    writeFileSync(path, tpl);
    expect(checkTemplate(tpl, 'report')).toEqual({ missing: [], plainLoops: [], unknown: [] });
    const paras = paragraphs(partXml(await writeReportDocx(sampleInput(), path)));
    expect(paras[0]).toBe('MẪU RIÊNG CỦA HUYỆN — năm 2024');
    expect(paras[1]).toBe('Bình Sơn, ngày 15 tháng 12 năm 2024');
    expect(paras.slice(2, 2 + RANKED.length).map((p) => p.replace(/^\d+\. (.*): .*$/, '$1'))).toEqual(RANKED);
    expect(paras[2]).toBe('1. Xã Bình Hải: 95,50 điểm');
    expect(paras[paras.length - 1]).toBe('Người ký: Phạm Quang Sự');
    expect(paras.join('\n')).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('are checked for required and unknown placeholders', async () => {
    const tpl = await docxOf(['Báo cáo năm {{nam}}', '{{nam_bao_cao}}']);
    const check = checkTemplate(tpl, 'report');
    expect(check).toEqual({ missing: ['dia_danh_ngay', 'xep_hang'], plainLoops: [], unknown: ['nam_bao_cao'] });
    expect(templateCheckMessages('report', check)).toEqual([
      'Mẫu báo cáo thiếu trường {{dia_danh_ngay}}: thêm vào mẫu theo cách viết {{dia_danh_ngay}}.',
      'Mẫu báo cáo thiếu trường {{xep_hang}}: thêm vào mẫu theo cách viết một bảng có dòng tiêu đề và một dòng dữ liệu: ' +
        'ô đầu ghi {{#xep_hang}}{{c0}}, các ô sau {{c1}}, {{c2}}…, ô cuối thêm {{/xep_hang}}.',
      'Mẫu báo cáo có trường không xác định {{nam_bao_cao}} (sẽ để trống).',
    ]);
    expect(checkTemplate(tpl, 'decision').missing).toEqual(['dia_danh_ngay', 'phu_luc']);
    // A table written as a plain field cannot print its rows.
    const plain = await docxOf(['{{nam}} {{dia_danh_ngay}} {{xep_hang}}']);
    expect(checkTemplate(plain, 'report')).toEqual({ missing: [], plainLoops: ['xep_hang'], unknown: [] });
  });

  it('the default templates pass their own check', async () => {
    expect(checkTemplate(await buildDefaultTemplate(reportLayout()), 'report')).toEqual({ missing: [], plainLoops: [], unknown: [] });
    expect(checkTemplate(await buildDefaultTemplate(decisionLayout()), 'decision')).toEqual({ missing: [], plainLoops: [], unknown: [] });
  });

  it('with a syntax error fail with a Vietnamese message naming the placeholder', async () => {
    const unclosed = await docxOf(['{{#xep_hang}}', '{{c1}}', 'năm {{nam}}']);
    const model = buildReportModel(sampleInput());
    expect(() => renderDocx(unclosed, model, 'Mẫu báo cáo')).toThrow(
      'Mẫu báo cáo có lỗi: vòng lặp {{#xep_hang}} không có thẻ đóng {{/xep_hang}}.',
    );
    expect(() => checkTemplate(unclosed)).toThrow(/vòng lặp \{\{#xep_hang\}\} không có thẻ đóng/);
    const badTag = await docxOf(['năm {{nam']);
    expect(() => renderDocx(badTag, model)).toThrow('Mẫu văn bản có lỗi: trường «{{nam» thiếu dấu đóng «}}».');
    // A user's file: the message names it and says how to fix it.
    const file = join(dir, 'mau-loi.docx');
    writeFileSync(file, unclosed);
    await expect(writeReportDocx(sampleInput(), file)).rejects.toThrow(
      `Mẫu báo cáo «${file}» có lỗi: vòng lặp {{#xep_hang}} không có thẻ đóng {{/xep_hang}}. Sửa mẫu trong Word hoặc LibreOffice rồi chạy lại`,
    );
    const mismatch = await docxOf(['{{#xep_hang}}', '{{c1}}', '{{/phu_luc}}']);
    expect(() => renderDocx(mismatch, model)).toThrow('thẻ {{#xep_hang}} lại được đóng bằng {{/phu_luc}}');
  });

  it('that are not .docx files, or missing, are reported in Vietnamese', async () => {
    expect(() => renderDocx(Buffer.from('không phải docx'), buildReportModel(sampleInput()))).toThrow(
      /^Mẫu văn bản không phải tệp \.docx hợp lệ/,
    );
    await expect(writeDecisionDocx(sampleInput(), join(dir, 'khong-co.docx'))).rejects.toThrow(
      /^Không đọc được mẫu quyết định «.*khong-co\.docx»: không tìm thấy tệp\.$/,
    );
  });
});
