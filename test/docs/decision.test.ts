// The classification decision and its appendix, rendered through the default template.
import { writeDecisionDocx } from '../../src/node/docx';
import { TABLE_SPECS } from '../../src/core/report-model';
import { paragraphs, partXml, tableWithHeader, xmlText } from './helpers/docx-read';
import { RANKED, SPECIAL_NAME, sampleInput } from './helpers/sample';

const CAPPED_REASON =
  'Điều kiện khống chế: Có khiếu kiện đông người, vượt cấp, điểm nóng có nguyên nhân chủ quan — tối đa Hoàn thành tốt nhiệm vụ';

describe('decision .docx (default template)', () => {
  let xml: string;
  let text: string;
  let paras: string[];

  beforeAll(async () => {
    xml = partXml(await writeDecisionDocx(sampleInput()));
    text = xmlText(xml);
    paras = paragraphs(xml);
  });

  it('has the header, the title and the issuing authority', () => {
    expect(text).toContain('ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(paras).toContain('Số: 1520/QĐ-UBND');
    expect(paras).toContain('Bình Sơn, ngày 16 tháng 12 năm 2024');
    expect(paras).toContain('QUYẾT ĐỊNH');
    expect(paras).toContain('Về việc công nhận kết quả đánh giá, phân loại công tác dân vận năm 2024');
    expect(paras).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN');
  });

  it('lists the legal bases, each ending with ";" and the last with "."', () => {
    const first = paras.findIndex((p) => p.startsWith('Căn cứ Luật Tổ chức'));
    expect(paras.slice(first, first + 4)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của UBND tỉnh Quảng Ngãi ban hành Quy định tiêu chí, ' +
        'thang điểm và phương pháp đánh giá, phân loại công tác dân vận;',
      'Theo đề nghị của Trưởng phòng Nội vụ huyện.',
      'QUYẾT ĐỊNH:',
    ]);
  });

  it('has the three articles', () => {
    expect(paras).toContain(
      'Điều 1. Công nhận kết quả đánh giá, phân loại công tác dân vận năm 2024 đối với 10 cơ quan, đơn vị, địa phương ' +
        'trên địa bàn huyện Bình Sơn, trong đó: 3 đơn vị đạt mức Hoàn thành xuất sắc nhiệm vụ; 4 đơn vị đạt mức ' +
        'Hoàn thành tốt nhiệm vụ; 1 đơn vị đạt mức Hoàn thành nhiệm vụ; 1 đơn vị xếp loại Không hoàn thành nhiệm vụ; ' +
        '1 đơn vị không xếp loại (chi tiết tại Phụ lục kèm theo Quyết định này).',
    );
    expect(paras).toContain(
      'Điều 2. Kết quả đánh giá, phân loại công tác dân vận năm 2024 tại Điều 1 là căn cứ để xét thi đua, khen thưởng ' +
        'năm 2024 đối với các cơ quan, đơn vị, địa phương.',
    );
    expect(paras).toContain(
      'Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ huyện, Thủ trưởng các cơ quan, đơn vị và ' +
        'Chủ tịch UBND các xã, thị trấn có tên tại Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.',
    );
    // "Điều 1." is bold, the article text is not.
    expect(xml).toMatch(
      /<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:b\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t xml:space="preserve">Điều 1\. <\/w:t><\/w:r>/,
    );
  });

  it('has the recipients ("Như Điều 3", no duplicate "Lưu") and the signature', () => {
    const start = paras.indexOf('Nơi nhận:');
    expect(paras.slice(start + 1, start + 5)).toEqual(['- Như Điều 3;', '- Sở Nội vụ tỉnh;', '- CT, PCT UBND huyện;', '- Lưu: VT, NV.']);
    expect(paras).toContain('Phạm Quang Sự');
  });

  it('has the appendix heading and every unit in the appendix table', () => {
    expect(paras).toContain('Phụ lục');
    expect(paras).toContain('KẾT QUẢ ĐÁNH GIÁ, PHÂN LOẠI CÔNG TÁC DÂN VẬN NĂM 2024');
    expect(paras).toContain('(Kèm theo Quyết định số 1520/QĐ-UBND ngày 16 tháng 12 năm 2024 của Chủ tịch Ủy ban nhân dân huyện Bình Sơn)');
    const rows = tableWithHeader(xml, TABLE_SPECS.phu_luc.header).slice(1);
    expect(rows.map((r) => r[1])).toEqual([...RANKED, 'Xã Bình Long']);
    expect(rows[0]).toEqual(['1', 'Xã Bình Hải', '96,00', '95,50', 'Hoàn thành xuất sắc nhiệm vụ', '']);
    expect(rows[1]).toEqual(['2', 'Xã Bình Châu', '95,00', '—', 'Hoàn thành tốt nhiệm vụ', CAPPED_REASON]);
    expect(rows[6]).toEqual(['7', 'Phòng Tư pháp', '82,00', '78,25', 'Hoàn thành tốt nhiệm vụ', '']);
    expect(rows[7]).toEqual(['8', SPECIAL_NAME, '68,00', '—', 'Hoàn thành nhiệm vụ', '']);
    // Never submitted: no self-score (its draft file held 80), the reason in plain words.
    expect(rows[9]).toEqual(['10', 'Xã Bình Long', '—', '—', 'Không xếp loại', 'Chưa nộp hồ sơ tự chấm điểm']);
  });

  it('names the invalid criteria of a unit kept out by a blocking error, in the appendix too', async () => {
    const input = sampleInput();
    const unit = input.results.find((r) => r.name === 'Xã Bình Long')!;
    unit.reasons = ['Có lỗi dữ liệu chặn xếp loại (xem sheet «Kiểm tra»)'];
    input.blocking = { [unit.code]: ['2.1', '3.4', '2.1'] };
    const rows = tableWithHeader(partXml(await writeDecisionDocx(input)), TABLE_SPECS.phu_luc.header).slice(1);
    expect(rows[9]).toEqual(['10', 'Xã Bình Long', '80,00', '—', 'Không xếp loại', 'Hồ sơ chấm điểm chưa hợp lệ ở tiêu chí 2.1, 3.4']);
  });

  it('is signed «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH», never «TM.», when the Chủ tịch issues it', () => {
    const signer = paras.indexOf('Phạm Quang Sự');
    expect(paras.slice(signer - 2, signer + 1)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Phạm Quang Sự']);
    expect(text).not.toContain('TM.');
  });

  it('is signed «CHỦ TỊCH» alone when the Chủ tịch signs it', async () => {
    const out = paragraphs(partXml(await writeDecisionDocx(sampleInput({}, { signTitle: 'Chủ tịch', signerName: 'Lê Văn A' }))));
    const signer = out.indexOf('Lê Văn A');
    expect(out.slice(signer - 2, signer + 1)).toEqual(['- Lưu: VT, NV.', 'CHỦ TỊCH', 'Lê Văn A']);
  });

  it('starts the appendix on a new section whose page numbers restart at 1', () => {
    const sections = xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('<w:pgNumType w:start="1"/>');
    expect(sections.every((s) => s.includes('<w:titlePg/>'))).toBe(true);
  });

  it('leaves no placeholder and no "undefined"', () => {
    expect(text).not.toMatch(/\{\{|\}\}|undefined/);
  });

  it('leaves room for the number when it is not yet issued', async () => {
    const out = paragraphs(partXml(await writeDecisionDocx(sampleInput({}, { decisionNumber: '' }))));
    expect(out).toContain('Số:      /QĐ-UBND');
    expect(out.some((p) => p.startsWith('(Kèm theo Quyết định số      /QĐ-UBND ngày 16 tháng 12 năm 2024'))).toBe(true);
  });
});
