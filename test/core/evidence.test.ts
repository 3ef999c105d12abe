// `Minh chứng` items: which are paths, which paths are refused, and the findings of paths a
// back-end did not find (offline), with the severity rule: a missing file is a Cảnh báo, a Lỗi
// when it is the only evidence of a criterion that requires evidence.
import { evidenceItems, evidencePaths } from '../../src/core/evidence';
import {
  EVIDENCE_MAX_BYTES,
  evidenceFileRefusal,
  evidenceFolderName,
  evidenceMimeType,
  evidenceReaders,
  evidenceSharingProblem,
  withEvidenceLink,
} from '../../src/core/evidence-upload';
import { validateEntries } from '../../src/core/validate';
import { defaultScoringConfig } from '../../src/core/default-rubrics';
import type { Entries, Finding } from '../../src/core/types';
import { row, rubricOf } from './helpers';

describe('evidenceItems', () => {
  it('splits on lines and «;», and tells paths from links and free text', () => {
    const items = evidenceItems(
      'Kế hoạch số 12/KH-UBND; minh-chung/ke-hoach-12.pdf\nhttps://drive.google.com/file/d/abc\n  ./anh\\hop-dan.JPG ;; www.example.vn/a.pdf',
    );
    expect(items).toEqual([
      { kind: 'text', text: 'Kế hoạch số 12/KH-UBND' },
      { kind: 'path', text: 'minh-chung/ke-hoach-12.pdf', path: 'minh-chung/ke-hoach-12.pdf', outside: false },
      { kind: 'url', text: 'https://drive.google.com/file/d/abc' },
      { kind: 'path', text: './anh\\hop-dan.JPG', path: 'anh/hop-dan.JPG', outside: false },
      { kind: 'url', text: 'www.example.vn/a.pdf' },
    ]);
  });

  it('keeps dates, document numbers and sentences as text', () => {
    for (const t of ['Quyết định 15/QĐ-UBND ngày 01.02.2025', 'Nghị quyết số 15-NQ/TU', 'Báo cáo v.v.', 'Biên bản họp']) {
      expect(evidenceItems(t)).toEqual([{ kind: 'text', text: t }]);
    }
  });

  it('refuses a path leading out of the unit folder or absolute', () => {
    for (const t of [
      '../A02 - Xã khác/bao-cao.pdf',
      'minh-chung/../../x.pdf',
      '/etc/passwd',
      'C:\\Users\\a\\b.docx',
      '\\\\may-chu\\chung\\a.pdf',
      '../',
    ]) {
      expect(evidenceItems(t)).toEqual([{ kind: 'path', text: t, outside: true }]);
    }
    // «..» inside the folder stays inside.
    expect(evidenceItems('minh-chung/cu/../moi.pdf')[0]).toMatchObject({ path: 'minh-chung/moi.pdf', outside: false });
  });

  it('lists each path to look for once', () => {
    const es: Entries = {
      a: { self: 1, appraised: null, evidence: 'x/a.pdf; ./x/a.pdf' },
      b: { self: 1, appraised: null, evidence: 'b.docx\n../c.pdf\nhttps://a.vn/d.pdf' },
    };
    expect(evidencePaths(es)).toEqual(['b.docx', 'x/a.pdf']);
  });
});

describe('validateEntries with the paths a back-end found', () => {
  const cfg = defaultScoringConfig();
  const unit = { code: 'X01', name: 'Xã Thử' };
  const rubric = rubricOf([row('V', '1', '', 50, 'điểm', { evidenceRequired: 'Có' }), row('V', '2', '', 50, 'điểm')]);
  const es = (e1: string, e2 = ''): Entries => ({
    '1': { self: 40, appraised: null, evidence: e1, cells: { evidence: 'F12' } },
    '2': { self: 40, appraised: null, evidence: e2, cells: { evidence: 'F13' } },
  });
  const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.code} ${f.criterion} ${f.cell}`);

  it('a missing file that is the only evidence of a required criterion is a Lỗi naming unit, cell, criterion, path', () => {
    const fs = validateEntries(unit, rubric, es('minh-chung/ke-hoach-12.pdf'), cfg, { evidence: { found: [] } });
    expect(brief(fs)).toEqual(['Lỗi evidence-not-found 1 F12']);
    expect(fs[0].message).toBe(
      'Xã Thử (X01), tiêu chí 1, ô F12: không tìm thấy tệp minh chứng «minh-chung/ke-hoach-12.pdf» (đường dẫn tính từ thư mục chứa biểu mẫu của đơn vị); ' +
        'hãy kiểm tra tên tệp hoặc chép tệp vào đúng chỗ. Tiêu chí này bắt buộc minh chứng khi có điểm (40 điểm), nên vẫn coi là chưa có minh chứng.',
    );
  });

  it('is a Cảnh báo when other evidence remains or evidence is not required', () => {
    const fs = validateEntries(unit, rubric, es('Kế hoạch 12/KH-UBND; minh-chung/a.pdf', 'b.xlsx'), cfg, { evidence: { found: [] } });
    expect(brief(fs)).toEqual(['Cảnh báo evidence-not-found 1 F12', 'Cảnh báo evidence-not-found 2 F13']);
  });

  it('finds nothing when the file exists', () => {
    expect(
      validateEntries(unit, rubric, es('minh-chung/a.pdf', 'b.xlsx'), cfg, { evidence: { found: ['b.xlsx', 'minh-chung/a.pdf'] } }),
    ).toEqual([]);
  });

  it('refuses a path out of the folder even where paths are not looked for (Google Sheets)', () => {
    const fs = validateEntries(unit, rubric, es('../A02/a.pdf', 'x/y.pdf'), cfg);
    expect(brief(fs)).toEqual(['Lỗi evidence-outside 1 F12']);
    expect(fs[0].message).toContain(
      'ô F12: đường dẫn minh chứng «../A02/a.pdf» trỏ ra ngoài thư mục chứa biểu mẫu của đơn vị nên không được dùng',
    );
  });

  it('a required criterion without points needs no evidence: a missing file is then a Cảnh báo', () => {
    const zero = es('a.pdf');
    zero['1'].self = 0;
    expect(brief(validateEntries(unit, rubric, zero, cfg, { evidence: { found: [] } }))).toEqual(['Cảnh báo evidence-not-found 1 F12']);
  });
});

describe('attaching evidence (rules shared by the sidebar and the server)', () => {
  it('takes PDF, images, .docx, .xlsx up to 10 MB; refuses others with the file named', () => {
    expect(evidenceFileRefusal('Kế hoạch.PDF', 10)).toBeNull();
    for (const n of ['a.jpg', 'a.jpeg', 'a.png', 'a.heic', 'a.docx', 'a.xlsx']) expect(evidenceFileRefusal(n, 1)).toBeNull();
    expect(evidenceMimeType('bang.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(evidenceFileRefusal('a.doc', 1)).toBe(
      'Tệp «a.doc» không đính kèm được: chỉ nhận tệp PDF, ảnh (JPG, PNG, GIF, WEBP, HEIC), Word (.docx) hoặc Excel (.xlsx).',
    );
    expect(evidenceFileRefusal('pdf', 1)).toMatch(/không đính kèm được/);
    expect(evidenceFileRefusal('a.pdf', EVIDENCE_MAX_BYTES)).toBeNull();
    expect(evidenceFileRefusal('a.pdf', 15 * 1024 * 1024)).toBe(
      'Tệp «a.pdf» dung lượng 15,0 MB, vượt giới hạn 10,0 MB cho mỗi tệp; hãy nén hoặc tách tệp rồi đính kèm lại.',
    );
    expect(evidenceFileRefusal('a.pdf', 0)).toBe('Tệp «a.pdf» rỗng (0 byte); hãy chọn lại tệp.');
  });

  it('names the folder and reads the readers list (valid e-mails, once, without the scorer)', () => {
    expect(evidenceFolderName('  Xã\u200b Bình Hải ', 2025)).toBe('Minh chứng – Xã Bình Hải – 2025');
    expect(
      evidenceReaders('Lan.NoiVu@binhson.gov.vn, tham.dinh@x.vn; sai-email, lan.noivu@binhson.gov.vn scorer@x.vn', 'Scorer@x.vn'),
    ).toEqual(['lan.noivu@binhson.gov.vn', 'tham.dinh@x.vn']);
    // The owner attaching in the unit file: nobody else to share with. A file without the row: null.
    expect(evidenceReaders('lan@binhson.gov.vn', 'Lan@binhson.gov.vn')).toEqual([]);
    expect(evidenceReaders(null, 'a@b.vn')).toBeNull();
    expect(evidenceReaders('không có', 'a@b.vn')).toBeNull();
  });

  it('accepts only the scorer as owner and the readers as readers', () => {
    const owner = { type: 'user', role: 'owner', emailAddress: 'scorer@x.vn' };
    const admin = { type: 'user', role: 'reader', emailAddress: 'lan@binhson.gov.vn' };
    expect(evidenceSharingProblem([owner, admin], 'scorer@x.vn', ['lan@binhson.gov.vn'])).toBeNull();
    expect(evidenceSharingProblem([owner], 'scorer@x.vn', ['lan@binhson.gov.vn'])).toBe(
      'Chưa chia sẻ được thư mục minh chứng cho lan@binhson.gov.vn; hãy thử lại.',
    );
    expect(evidenceSharingProblem([owner, admin, { type: 'anyone', role: 'reader' }], 'scorer@x.vn', ['lan@binhson.gov.vn'])).toMatch(
      /bất kỳ ai có đường liên kết/,
    );
    // The administrator as an editor is more than reading: reported too.
    expect(evidenceSharingProblem([owner, { ...admin, role: 'writer' }], 'scorer@x.vn', ['lan@binhson.gov.vn'])).toMatch(
      /lan@binhson\.gov\.vn \(writer\)/,
    );
  });

  it('adds the link on its own line, once', () => {
    expect(withEvidenceLink(null, 'https://d/1')).toBe('https://d/1');
    expect(withEvidenceLink('Kế hoạch 12/KH', 'https://d/1')).toBe('Kế hoạch 12/KH\nhttps://d/1');
    expect(withEvidenceLink('Kế hoạch 12/KH\nhttps://d/1', 'https://d/1')).toBe('Kế hoạch 12/KH\nhttps://d/1');
  });
});
