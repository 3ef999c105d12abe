// The pure document model: figures, sentences, lists, and its agreement with the layouts.
import {
  basisLines,
  buildDecisionModel,
  buildReportModel,
  documentNumber,
  DocModel,
  NARRATIVE_ITEMS,
  PLACEHOLDERS,
  recipientLines,
  ReportInput,
} from '../../src/core/report-model';
import { decisionLayout, layoutPlaceholders, reportLayout } from '../../src/core/doc-layout';
import { summarize } from '../../src/core/rank';
import type { UnitResult } from '../../src/core/types';
import { sampleInput, sampleSettings } from './helpers/sample';

function result(i: number, levelCode: string | null, level: string | null, total: number): UnitResult {
  return {
    code: `U${i}`,
    name: `Đơn vị ${i}`,
    group: 'Nhóm 1',
    rubricId: 'R',
    classified: levelCode !== null,
    level,
    levelCode,
    rank: levelCode ? i : null,
    groupRank: null,
    reasons: levelCode ? [] : ['Chưa nộp kết quả'],
    base: total,
    bonus: 0,
    penalty: 0,
    total,
    selfTotal: total,
    appraised: false,
  };
}

/** 31 classified units (8 / 20 / 3) and 3 not classified, as in a real district. */
function districtInput(): ReportInput {
  const results: UnitResult[] = [];
  for (let i = 1; i <= 34; i++) {
    if (i <= 8) results.push(result(i, 'HTXS', 'Hoàn thành xuất sắc nhiệm vụ', 95));
    else if (i <= 28) results.push(result(i, 'HTT', 'Hoàn thành tốt nhiệm vụ', 80));
    else if (i <= 31) results.push(result(i, 'HT', 'Hoàn thành nhiệm vụ', 60));
    else results.push(result(i, null, null, 0));
  }
  const settings = sampleSettings();
  return { settings, results, summary: summarize(results, settings.scoring), narrative: {}, today: new Date(2024, 11, 20) };
}

const names = (m: DocModel) => [
  ...Object.keys(m.fields),
  ...Object.keys(m.lists),
  ...Object.keys(m.tables),
  ...Object.keys(m.outlines ?? {}),
];

describe('figures and sentences', () => {
  it('summarises the levels with counts over the classified units and Vietnamese percentages', () => {
    const m = buildReportModel(districtInput());
    expect(m.fields.ket_qua_xep_loai).toBe(
      'Kết quả: trong số 31 đơn vị được xếp loại, có 8 đơn vị đạt mức Hoàn thành xuất sắc nhiệm vụ (chiếm 25,81%); ' +
        '20 đơn vị đạt mức Hoàn thành tốt nhiệm vụ (chiếm 64,52%); ' +
        '3 đơn vị đạt mức Hoàn thành nhiệm vụ (chiếm 9,68%); 3 đơn vị không xếp loại.',
    );
    expect(m.fields).toMatchObject({
      so_don_vi: '34',
      so_da_nop: '31',
      so_chua_nop: '3',
      so_xep_loai: '31',
      so_khong_xep_loai: '3',
      so_htxs: '8',
      ty_le_htxs: '25,81%',
      so_htt: '20',
      ty_le_htt: '64,52%',
      so_kht: '0',
      ty_le_kht: '0%',
    });
    expect(m.tables.ty_le.rows[m.tables.ty_le.rows.length - 1]).toEqual(['Cộng', '31', '100%']);
    // Only one group: no per-group sentences.
    expect(m.lists.ket_qua_nhom).toEqual([]);
  });

  it('uses the given number of submitted units when the caller knows it', () => {
    expect(buildReportModel({ ...districtInput(), submitted: 33 }).fields.so_da_nop).toBe('33');
  });

  it("has no comparison without last year's results", () => {
    expect(buildReportModel(sampleInput({ previous: undefined })).fields.so_sanh_nam_truoc).toBe('');
    expect(buildReportModel(sampleInput({ previous: [] })).fields.so_sanh_nam_truoc).toBe('');
  });

  it('survives a year with no result at all', () => {
    const settings = sampleSettings();
    const m = buildDecisionModel({
      settings,
      results: [],
      summary: summarize([], settings.scoring),
      narrative: {},
      today: new Date(2024, 0, 5),
    });
    expect(m.fields.ket_qua_xep_loai).toBe('Kết quả: chưa có đơn vị nào được xếp loại.');
    expect(m.tables.xep_hang.rows).toEqual([]);
    expect(m.tables.khong_xep_loai.rows).toEqual([['', 'Không có', '']]);
    expect(m.tables.ty_le.rows[0][2]).toBe('—');
    expect(Object.values(m.fields).join(' ')).not.toMatch(/undefined|NaN/);
  });
});

describe('document number, date, recipients, bases', () => {
  it('formats the number per NĐ 30, leaving room when it is not issued yet', () => {
    const ubnd = ['ỦY BAN NHÂN DÂN', 'HUYỆN BÌNH SƠN'];
    expect(documentNumber('', 'BC', ubnd)).toBe('Số:      /BC-UBND');
    expect(documentNumber('285/BC-UBND', 'BC', ubnd)).toBe('Số: 285/BC-UBND');
    expect(documentNumber('Số: 285/BC-UBND', 'BC', ubnd)).toBe('Số: 285/BC-UBND');
    expect(documentNumber('5', 'QĐ', ubnd)).toBe('Số: 05/QĐ-UBND');
    expect(documentNumber('7/QĐ-UBND', 'QĐ', ubnd)).toBe('Số: 07/QĐ-UBND');
    expect(documentNumber('', 'BC', ['SỞ NỘI VỤ'])).toBe('Số:      /BC-SNV');
  });

  it('takes the document date from the settings, else today', () => {
    expect(buildReportModel(sampleInput()).fields.dia_danh_ngay).toBe('Bình Sơn, ngày 15 tháng 12 năm 2024');
    const undated = sampleInput({ today: new Date(2025, 0, 3) }, { reportDate: null, decisionDate: null });
    expect(buildReportModel(undated).fields.dia_danh_ngay).toBe('Bình Sơn, ngày 03 tháng 01 năm 2025');
    expect(buildDecisionModel(undated).fields.ngay_van_ban).toBe('ngày 03 tháng 01 năm 2025');
  });

  it('writes recipients as "- X;" and ends with "- Lưu: VT, <drafter>."', () => {
    expect(recipientLines('Như trên', ['- Sở Nội vụ tỉnh;', 'Như trên', '  CT, PCT UBND huyện. ', 'Lưu: VT'], 'NV')).toEqual([
      '- Như trên;',
      '- Sở Nội vụ tỉnh;',
      '- CT, PCT UBND huyện;',
      '- Lưu: VT, NV.',
    ]);
    expect(recipientLines('Như Điều 3', [], '')).toEqual(['- Như Điều 3;', '- Lưu: VT.']);
  });

  it('punctuates the legal bases and marks them when missing', () => {
    expect(basisLines(['Căn cứ A;', 'Căn cứ B', 'Theo đề nghị C;'])).toEqual(['Căn cứ A;', 'Căn cứ B;', 'Theo đề nghị C.']);
    expect(basisLines([])).toEqual(['[Chưa nhập «Căn cứ quyết định» tại sheet «Cấu hình»]']);
  });

  it('marks the settings a document cannot do without', () => {
    const m = buildReportModel(sampleInput({}, { addressee: '', signerName: '', issuingBody: [] }));
    expect(m.fields.kinh_gui).toBe('[Chưa nhập «Kính gửi» tại sheet «Cấu hình»]');
    expect(m.fields.ky_ho_ten).toBe('[Chưa nhập «Người ký» tại sheet «Cấu hình»]');
    expect(m.lists.dong_co_quan_ban_hanh).toEqual(['[Chưa nhập «Cơ quan ban hành» tại sheet «Cấu hình»]']);
  });

  it('words Điều 3 after the level of the area', () => {
    const m = buildDecisionModel(sampleInput({}, { area: 'tỉnh Quảng Ngãi', issuingBody: ['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'] }));
    expect(m.fields.dieu_3).toMatch(/^Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, .*các xã, phường, đặc khu/);
    expect(m.fields.ten_co_quan).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi');
  });
});

describe('narrative', () => {
  it('matches the items of «Nội dung báo cáo» whatever the case and spacing, and splits paragraphs', () => {
    const m = buildReportModel(sampleInput({ narrative: { '  tình hình   CHUNG ': 'Một.\n\nHai.', nhiem_vu: 'Ba.' } }));
    expect(m.fields.tinh_hinh_chung).toBe('Một.\n\nHai.');
    expect(m.lists.doan_tinh_hinh_chung).toEqual(['Một.', 'Hai.']);
    expect(m.lists.doan_nhiem_vu).toEqual(['Ba.']);
    expect(m.lists.doan_han_che).toEqual(['[Nội dung «Hạn chế, vướng mắc» — nhập tại sheet «Nội dung báo cáo» rồi tạo lại báo cáo]']);
  });

  it('covers the seven items of the report', () => {
    expect([...NARRATIVE_ITEMS]).toEqual([
      'Tình hình chung',
      'Công tác lãnh đạo, chỉ đạo',
      'Kết quả đạt được',
      'Hạn chế, vướng mắc',
      'Nguyên nhân',
      'Nhiệm vụ năm tới',
      'Đề xuất, kiến nghị',
    ]);
  });
});

describe('model and layouts agree', () => {
  const cases: Array<[string, DocModel, ReturnType<typeof reportLayout>]> = [
    ['report', buildReportModel(sampleInput()), reportLayout()],
    ['decision', buildDecisionModel(sampleInput()), decisionLayout()],
  ];

  it.each(cases)('%s: every placeholder of the layout exists in the model, with the right kind', (_, model, layout) => {
    const used = layoutPlaceholders(layout);
    expect(used.fields.filter((f) => !(f in model.fields))).toEqual([]);
    expect(used.lists.filter((l) => !(l in model.lists))).toEqual([]);
    expect(used.tables.filter((t) => !(t in model.tables))).toEqual([]);
    expect(used.outlines.filter((t) => !(t in (model.outlines ?? {})))).toEqual([]);
  });

  it.each(cases)('%s: names are unique across fields, lists and tables, and documented', (_, model) => {
    const all = names(model);
    expect(new Set(all).size).toBe(all.length);
    const documented = new Set(PLACEHOLDERS.map((p) => p.name));
    expect(all.filter((n) => !documented.has(n) && !/^(so|ty_le)_[a-z0-9_]+$/.test(n))).toEqual([]);
    for (const n of all) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('documents every placeholder in Vietnamese', () => {
    for (const p of PLACEHOLDERS) expect(p.description.length).toBeGreaterThan(5);
    expect(new Set(PLACEHOLDERS.map((p) => p.name)).size).toBe(PLACEHOLDERS.length);
  });

  it.each(cases)('%s: tables have as many cells per row as header columns and widths', (_, model) => {
    for (const t of Object.values(model.tables)) {
      expect(t.widths).toHaveLength(t.header.length);
      expect(t.align).toHaveLength(t.header.length);
      for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    }
  });
});
