// Each document's own signature, the impossible combinations, and what keeps the documents drafts.
import { signatureOf, signatureProblems } from '../../src/core/signature';
import { draftFileName, finalRefusal, isDraft } from '../../src/core/report-model';
import { readControl } from '../../src/core/control';
import { newControlSheets } from '../../src/core/control-template';
import { SHEETS } from '../../src/core/schema';
import { sampleInput, sampleSettings } from './helpers/sample';

describe('signatures (NĐ 30/2020)', () => {
  it('derives each document its own lines when the settings are empty', () => {
    const deputy = sampleSettings({ reportSignAuthority: [], signTitle: 'Phó Chủ tịch' });
    expect(signatureOf(deputy, 'report')).toEqual({ authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' });
    expect(signatureOf(deputy, 'decision')).toEqual({ authority: ['KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH' });
    const chair = sampleSettings({ reportSignAuthority: [], signTitle: 'CHỦ TỊCH' });
    expect(signatureOf(chair, 'report').authority).toEqual(['TM. ỦY BAN NHÂN DÂN']);
    expect(signatureOf(chair, 'decision').authority).toEqual([]);
    // A decision the Ủy ban issues as a body is signed on its behalf.
    const body = sampleSettings({ decisionAuthority: 'ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN' });
    expect(signatureOf(body, 'decision').authority).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']);
  });

  it("reads an old workbook's shared «Thẩm quyền ký» for the report only", () => {
    const old = sampleSettings({ reportSignAuthority: [], signAuthority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] });
    expect(signatureOf(old, 'report').authority).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']);
    expect(signatureOf(old, 'decision').authority).toEqual(['KT. CHỦ TỊCH']);
  });

  it('finds the impossible combinations, naming the setting and the fix', () => {
    expect(signatureProblems(sampleSettings())).toEqual([]);
    const [tm] = signatureProblems(sampleSettings({ decisionSignAuthority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] }));
    expect(tm).toContain('«Thẩm quyền ký quyết định» ghi «TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH»');
    expect(tm).toContain('không ký «TM.»');
    expect(tm).toContain('để trống để công cụ tự ghi «KT. CHỦ TỊCH»');
    const [kt] = signatureProblems(sampleSettings({ signTitle: 'CHỦ TỊCH', decisionSignAuthority: ['KT. CHỦ TỊCH'] }));
    expect(kt).toContain('«KT.» chỉ dùng khi cấp phó ký thay');
    const [noKt] = signatureProblems(sampleSettings({ reportSignAuthority: ['TM. ỦY BAN NHÂN DÂN'] }));
    expect(noKt).toContain('phải có dòng «KT. CHỦ TỊCH»');
  });

  it('reports an impossible signature as an error of «Cấu hình», and new workbooks have one row per document', () => {
    const sheets = newControlSheets({ year: 2024, sample: 'binh-son-2024' });
    const config = sheets.find((s) => s.name === SHEETS.config)!.grid;
    const keys = config.map((r) => r[0]);
    expect(keys).toEqual(expect.arrayContaining(['Thẩm quyền ký báo cáo', 'Thẩm quyền ký quyết định', 'Căn cứ báo cáo']));
    expect(keys).not.toContain('Thẩm quyền ký');
    const grids = Object.fromEntries(sheets.map((s) => [s.name, s.grid]));
    const control = (rows: unknown[][]) =>
      readControl({ config: rows as never, units: grids[SHEETS.units], criteria: grids[SHEETS.criteria], levels: grids[SHEETS.levels] });
    expect(control(config).findings.filter((f) => f.code === 'signature')).toEqual([]);
    const bad = config.map((r) => (r[0] === 'Thẩm quyền ký quyết định' ? [r[0], 'TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH', r[2]] : r));
    const found = control(bad).findings.filter((f) => f.code === 'signature');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'Lỗi', sheet: SHEETS.config });
  });
});

describe('draft or final', () => {
  it('is a draft while a unit has not submitted, and says which in the refusal of a final version', () => {
    const input = sampleInput();
    expect(isDraft(input)).toBe(true);
    expect(draftFileName('Báo cáo 2024', true)).toBe('Báo cáo 2024 - DỰ THẢO');
    expect(draftFileName('Báo cáo 2024', false)).toBe('Báo cáo 2024');
    expect(finalRefusal(input)).toContain('  - Xã Bình Long (X07): Chưa nộp hồ sơ tự chấm điểm');
  });

  it("lists units with blocking errors and the control's own errors", () => {
    const input = sampleInput();
    input.results = input.results.filter((r) => r.classified);
    expect(finalRefusal(input)).toBeNull();
    input.blocking = { X02: ['1.2'] };
    input.controlErrors = ['Bảng điều khiển, sheet «Cấu hình», «Thẩm quyền ký quyết định» …'];
    const message = finalRefusal(input)!;
    expect(message).toContain('còn 2 vướng mắc');
    expect(message).toContain('  - Xã Bình Châu (X02): Hồ sơ chấm điểm chưa hợp lệ ở tiêu chí 1.2');
    expect(message).toContain('  - Bảng điều khiển, sheet «Cấu hình»');
  });
});
