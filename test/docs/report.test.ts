// The report rendered through the default template, read back from word/document.xml.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { writeReportDocx } from '../../src/node/docx';
import { TABLE_SPECS } from '../../src/core/report-model';
import { paragraphs, partXml, tableWithHeader, xmlText } from './helpers/docx-read';
import { RANKED, RANKS, SPECIAL_NAME, sampleInput } from './helpers/sample';

describe('report .docx (default template)', () => {
  let xml: string;
  let text: string;
  let docx: Buffer;

  beforeAll(async () => {
    docx = await writeReportDocx(sampleInput());
    xml = partXml(docx);
    text = xmlText(xml);
  });

  it('has the NĐ 30 header, title and addressee', () => {
    expect(text).toContain('ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 285/BC-UBND');
    expect(text).toContain('Bình Sơn, ngày 15 tháng 12 năm 2024');
    const paras = paragraphs(xml);
    expect(paras).toContain('BÁO CÁO');
    expect(paras).toContain('Kết quả thực hiện công tác dân vận chính quyền năm 2024, phương hướng, nhiệm vụ trọng tâm năm 2025');
    expect(paras).toContain('Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi.');
  });

  it('mirrors the numbered sections of the district reports', () => {
    const paras = paragraphs(xml);
    const order = [
      'I. TÌNH HÌNH CHUNG',
      'II. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2025',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ].map((h) => paras.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(paras).toContain(
      'Trên đây là kết quả thực hiện công tác dân vận chính quyền năm 2024, phương hướng, nhiệm vụ trọng tâm năm 2025, ' +
        'Ủy ban nhân dân huyện Bình Sơn kính báo cáo./.',
    );
  });

  it('prints the counts and shares in Vietnamese format', () => {
    expect(text).toContain(
      'Năm 2024, trên địa bàn huyện Bình Sơn có 10 cơ quan, đơn vị, địa phương thực hiện đánh giá, phân loại ' +
        'công tác dân vận chính quyền; 9 đơn vị đã nộp kết quả tự chấm; 9 đơn vị được xếp loại.',
    );
    expect(text).toContain(
      'Kết quả: trong số 9 đơn vị được xếp loại, có 3 đơn vị đạt mức Hoàn thành xuất sắc nhiệm vụ (chiếm 33,33%); ' +
        '4 đơn vị đạt mức Hoàn thành tốt nhiệm vụ (chiếm 44,44%); ' +
        '1 đơn vị đạt mức Hoàn thành nhiệm vụ (chiếm 11,11%); ' +
        '1 đơn vị xếp loại Không hoàn thành nhiệm vụ (chiếm 11,11%); 1 đơn vị không xếp loại.',
    );
    const tyLe = tableWithHeader(xml, TABLE_SPECS.ty_le.header);
    expect(tyLe.slice(1)).toEqual([
      ['Hoàn thành xuất sắc nhiệm vụ', '3', '33,33%'],
      ['Hoàn thành tốt nhiệm vụ', '4', '44,44%'],
      ['Hoàn thành nhiệm vụ', '1', '11,11%'],
      ['Không hoàn thành nhiệm vụ', '1', '11,11%'],
      ['Cộng', '9', '100%'],
    ]);
  });

  it('lists every classified unit in rank order, ties sharing a rank', () => {
    const rows = tableWithHeader(xml, TABLE_SPECS.xep_hang.header).slice(1);
    expect(rows.map((r) => r[1])).toEqual(RANKED);
    expect(rows.map((r) => r[5])).toEqual(RANKS);
    expect(rows.map((r) => r[0])).toEqual(RANKED.map((_, i) => String(i + 1)));
    expect(rows[0]).toEqual(['1', 'Xã Bình Hải', 'Xã, thị trấn', '95,50', 'Hoàn thành xuất sắc nhiệm vụ', '1']);
    // Capped by the gate: 95 points but at most "Hoàn thành tốt".
    expect(rows[1]).toEqual(['2', 'Xã Bình Châu', 'Xã, thị trấn', '95,00', 'Hoàn thành tốt nhiệm vụ', '2']);
    expect(text).toMatch(
      /Có 1 đơn vị thuộc trường hợp khống chế mức xếp loại: Xã Bình Châu \(Điều kiện khống chế: .*tối đa Hoàn thành tốt nhiệm vụ\)\./,
    );
  });

  it('lists the unit not classified with its reason', () => {
    const rows = tableWithHeader(xml, TABLE_SPECS.khong_xep_loai.header).slice(1);
    // Plain administrative words, not the tool's.
    expect(rows).toEqual([['1', 'Xã Bình Long', 'Chưa nộp hồ sơ tự chấm điểm']]);
  });

  it('writes one sentence per group and the comparison with last year', () => {
    expect(text).toContain(
      '- Phòng, ban: có 3 đơn vị; trong số 3 đơn vị được xếp loại có 1 đơn vị đạt mức Hoàn thành xuất sắc nhiệm vụ (33,33%), ' +
        '2 đơn vị đạt mức Hoàn thành tốt nhiệm vụ (66,67%).',
    );
    expect(text).toContain('- Xã, thị trấn: có 7 đơn vị; trong số 6 đơn vị được xếp loại có');
    expect(text).toContain('; 1 đơn vị không xếp loại.');
    expect(text).toContain('So với năm 2023: mức Hoàn thành xuất sắc nhiệm vụ không thay đổi (3 đơn vị)');
    expect(text).toContain('mức Hoàn thành tốt nhiệm vụ tăng 2 đơn vị (từ 2 lên 4)');
    expect(text).toContain('Có 1 đơn vị được nâng mức xếp loại và 1 đơn vị bị hạ mức xếp loại so với năm 2023.');
  });

  it('puts each narrative paragraph in its own paragraph and marks the missing one', () => {
    const paras = paragraphs(xml);
    expect(paras).toContain('Bình Sơn là huyện nằm ở phía Bắc của tỉnh Quảng Ngãi.');
    expect(paras).toContain('Toàn huyện có 22 xã, thị trấn.');
    const marker = '[Nội dung «Đề xuất, kiến nghị» — nhập tại sheet «Nội dung báo cáo» rồi tạo lại báo cáo]';
    expect(paras.indexOf(marker)).toBe(paras.indexOf('V. ĐỀ XUẤT, KIẾN NGHỊ') + 1);
  });

  it('has the recipients and the signature block', () => {
    const paras = paragraphs(xml);
    const start = paras.indexOf('Nơi nhận:');
    expect(start).toBeGreaterThan(0);
    expect(paras.slice(start + 1, start + 6)).toEqual([
      '- Như trên;',
      '- TT Huyện ủy, TT HĐND huyện;',
      '- CT, PCT UBND huyện;',
      '- Ban Dân vận Huyện ủy;',
      '- Lưu: VT, NV.',
    ]);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH');
    expect(paras).toContain('PHÓ CHỦ TỊCH');
    expect(paras[paras.indexOf('PHÓ CHỦ TỊCH') + 1]).toBe('Phạm Quang Sự');
  });

  it('lists each recipient once: the addressee is «Như trên», a repeated name is dropped', async () => {
    const input = sampleInput();
    input.settings.reportRecipients = ['Sở Nội vụ tỉnh Quảng Ngãi', 'Ban Dân vận Huyện ủy', 'Ban Dân vận huyện ủy;'];
    const paras = paragraphs(partXml(await writeReportDocx(input)));
    const start = paras.indexOf('Nơi nhận:');
    expect(paras.slice(start + 1, start + 4)).toEqual(['- Như trên;', '- Ban Dân vận Huyện ủy;', '- Lưu: VT, NV.']);
  });

  it('keeps counts and shares in the body and puts the per-unit ranking in an appendix after the signature', () => {
    const paras = paragraphs(xml);
    const signer = paras.indexOf('Phạm Quang Sự');
    const appendix = paras.indexOf('Phụ lục');
    expect(appendix).toBeGreaterThan(signer);
    expect(paras[appendix + 1]).toBe('KẾT QUẢ XẾP HẠNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024');
    expect(paras[appendix + 2]).toBe('(Kèm theo Báo cáo số 285/BC-UBND ngày 15 tháng 12 năm 2024 của Ủy ban nhân dân huyện Bình Sơn)');
    // The ranking table is the last table of the file, after the signature's table.
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(xmlText(tables[tables.length - 1])).toContain(TABLE_SPECS.xep_hang.header[1]);
    expect(xml.indexOf(TABLE_SPECS.xep_hang.header[5])).toBeGreaterThan(xml.indexOf('Phạm Quang Sự'));
    expect(paras).toContain('Kết quả xếp hạng từng đơn vị được xếp loại tại Phụ lục kèm theo Báo cáo này.');
  });

  it('leaves space after the tables before «III. ĐÁNH GIÁ CHUNG»', () => {
    const para = (xml.match(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*?III\. ĐÁNH GIÁ CHUNG[\s\S]*?<\/w:p>/) ?? [''])[0];
    const before = Number((/w:before="(\d+)"/.exec(para) ?? [])[1] ?? 0);
    expect(before).toBeGreaterThanOrEqual(240); // 12 pt
  });

  it('opens with «Thực hiện …» from «Căn cứ báo cáo»', async () => {
    const input = sampleInput();
    input.settings.reportBasis = 'Công văn số 2150/SNV-XDCQ ngày 01/11/2024 của Sở Nội vụ tỉnh Quảng Ngãi;';
    const paras = paragraphs(partXml(await writeReportDocx(input)));
    expect(paras).toContain(
      'Thực hiện Công văn số 2150/SNV-XDCQ ngày 01/11/2024 của Sở Nội vụ tỉnh Quảng Ngãi, Ủy ban nhân dân huyện Bình Sơn ' +
        'báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024, phương hướng, nhiệm vụ trọng tâm năm 2025 như sau:',
    );
  });

  it('says «DỰ THẢO» at the top while a unit has not submitted, and not once every unit is clean', async () => {
    const paras = paragraphs(xml);
    expect(paras[0]).toBe('DỰ THẢO');
    expect(paras[1]).toBe('(Bản dự thảo, số liệu chưa chính thức: còn 1 đơn vị chưa nộp hồ sơ tự chấm điểm)');
    const clean = sampleInput();
    clean.results = clean.results.filter((r) => r.classified);
    const out = xmlText(partXml(await writeReportDocx(clean)));
    expect(out).not.toContain('DỰ THẢO');
    expect(out).not.toContain('Bản dự thảo');
  });

  it('stays a draft while a unit has a blocking error', async () => {
    const input = sampleInput();
    input.results = input.results.filter((r) => r.classified);
    input.blocking = { [input.results[0].code]: ['2.1', '3.4', ''] };
    const paras = paragraphs(partXml(await writeReportDocx(input)));
    expect(paras[0]).toBe('DỰ THẢO');
    expect(paras[1]).toBe('(Bản dự thảo, số liệu chưa chính thức: còn 1 đơn vị có hồ sơ chấm điểm chưa hợp lệ)');
  });

  it('adds the sub-sections II.3 onwards of the real reports that have text, numbered in order, and none that are empty', async () => {
    expect(text).not.toContain('Công tác tiếp công dân');
    const input = sampleInput();
    input.narrative['Dân vận khéo'] = 'Có 12 mô hình “Dân vận khéo” được công nhận.';
    input.narrative['Tiếp công dân, giải quyết khiếu nại, tố cáo'] = 'Đã tiếp 412 lượt công dân.\nĐã giải quyết 59/63 vụ việc.';
    const paras = paragraphs(partXml(await writeReportDocx(input)));
    const tcd = paras.indexOf('3. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh');
    expect(tcd).toBeGreaterThan(paras.indexOf('2. Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024'));
    expect(paras.slice(tcd + 1, tcd + 5)).toEqual([
      'Đã tiếp 412 lượt công dân.',
      'Đã giải quyết 59/63 vụ việc.',
      '4. Xây dựng, nhân rộng mô hình, điển hình “Dân vận khéo”',
      'Có 12 mô hình “Dân vận khéo” được công nhận.',
    ]);
    expect(paras.indexOf('III. ĐÁNH GIÁ CHUNG')).toBeGreaterThan(tcd + 4);
    expect(paras.some((p) => p.includes('Công tác cải cách hành chính'))).toBe(false);
  });

  it('leaves no placeholder, no "undefined", and keeps XML-special names as text', () => {
    expect(text).not.toContain('{{');
    expect(text).not.toContain('}}');
    expect(text).not.toContain('undefined');
    expect(text).toContain(SPECIAL_NAME);
    expect(xml).toContain('Xã A &amp; B &lt;C&gt;');
    // The produced file opens again: every part is well-formed XML.
    expect(() => new Docxtemplater(new PizZip(docx), { paragraphLoop: true })).not.toThrow();
  });

  it('leaves no table cell without a paragraph (Word refuses such files)', () => {
    const cells = xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => !/<w:p[ >]/.test(c))).toEqual([]);
  });

  it('renders a year without any result (empty tables keep their header row)', async () => {
    const input = sampleInput({ results: [], previous: undefined });
    input.summary = { total: 0, classified: 0, notClassified: 0, byLevel: [], byGroup: {} };
    const out = await writeReportDocx(input);
    const x = partXml(out);
    expect(xmlText(x)).not.toMatch(/\{\{|undefined|NaN/);
    expect(tableWithHeader(x, TABLE_SPECS.xep_hang.header)).toHaveLength(1);
    expect(tableWithHeader(x, TABLE_SPECS.khong_xep_loai.header).slice(1)).toEqual([['', 'Không có', '']]);
    expect(() => new Docxtemplater(new PizZip(out), { paragraphLoop: true })).not.toThrow();
  });

  it('drops the optional paragraphs when their field is empty', async () => {
    const out = xmlText(partXml(await writeReportDocx(sampleInput({ previous: undefined }))));
    expect(out).not.toContain('So với năm 2023');
    expect(out).not.toContain('{{');
  });
});
