// «Đính kèm minh chứng» on the server (the scorer's script): a wrong type or a file above 10 MB is
// refused with a Vietnamese message and nothing is stored; a file lands in the scorer's folder
// «Minh chứng – <đơn vị> – <năm>», made once and found again by its appProperties; the folder is
// shared as reader with the administrator only (no e-mail), read back; its link is added to the
// criterion's `Minh chứng` cell.
import { newWorld, ADMIN, asAdmin, control } from './helpers';
import { readControlData } from '../../src/gas/control-io';
import { generate, sampleControl, unitFiles } from './flow';
import { createServerApi } from '../../src/gas/server-api';
import { scorerState } from '../../src/gas/scorer';
import { SHEETS } from '../../src/core/schema';
import { EXTRA_META } from '../../src/gas/unit-meta';
import { EVIDENCE_MAX_BYTES } from '../../src/core/evidence-upload';
import type { World } from './helpers';

const UNIT = 'BS-X08'; // Xã Bình Hải
const SCORER = 'binhhai.binhson@example.com';
const OTHER = 'binhchanh.binhson@example.com';

function inUnitFile(): { w: World; fileId: string } {
  const w = newWorld();
  sampleControl(w);
  generate(w);
  const fileId = unitFiles(w)[UNIT].id;
  w.fake.setActiveSpreadsheet(fileId);
  w.fake.setUser(SCORER);
  return { w, fileId };
}

const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString('base64');

/** The `Minh chứng` cell of a criterion, as the unit file holds it. */
function evidenceCell(w: World, fileId: string, code: string): unknown {
  const sheet = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring);
  const values = sheet.values();
  const header = values.findIndex((r) => r.includes('Mã') && r.includes('Minh chứng'));
  const col = values[header].indexOf('Minh chứng');
  const codeCol = values[header].indexOf('Mã');
  const row = values.findIndex((r, i) => i > header && String(r[codeCol]).trim() === code);
  return values[row][col];
}

const folders = (w: World) => w.fake.drive.list().filter((x) => x.kind === 'folder' && x.name.startsWith('Minh chứng – '));

describe('Attaching evidence (scorer’s script)', () => {
  it('stores the file in «Minh chứng – Xã Bình Hải – 2024», shares it with the administrator only, writes the link', () => {
    const { w, fileId } = inUnitFile();
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    const before = w.fake.calls.snapshot();
    const s = api.scorerAttachEvidence({ code: leaf.code, name: 'Kế hoạch 12.pdf', base64: b64(2048) });

    const [folder] = folders(w);
    expect(folder.name).toBe('Minh chứng – Xã Bình Hải – 2024');
    expect(folder.owner).toBe(SCORER);
    expect(w.fake.drive.path(folder.id)).toBe('My Drive/Minh chứng – Xã Bình Hải – 2024');
    const files = w.fake.drive.children(folder.id);
    expect(files.map((f) => [f.name, f.mimeType, f.content?.length])).toEqual([['Kế hoạch 12.pdf', 'application/pdf', 2048]]);
    // Readers: the administrator (owner of the unit file, the appraisal council), no e-mail sent.
    expect(folder.viewers).toEqual([ADMIN]);
    expect(folder.editors).toEqual([]);
    expect(w.fake.drive.shares.filter((x) => x.itemId === folder.id)).toMatchObject([{ email: ADMIN, role: 'viewer', notify: false }]);
    // The link is in the cell, and in the state the sidebar gets back.
    expect(String(evidenceCell(w, fileId, leaf.code))).toMatch(new RegExp(`^https://\\S+${files[0].id}\\S*$`));
    expect(s.entries[leaf.code].evidence).toBe(evidenceCell(w, fileId, leaf.code));
    // Drive: one search, the folder, one share, the permissions read before and after, the upload.
    const calls = w.fake.calls.since(before).byMethod;
    expect(calls['Files.list']).toBe(1);
    expect(calls['Files.create']).toBe(2);
    expect(calls['Permissions.create']).toBe(1);
    expect(calls['Permissions.list']).toBe(2);
  });

  it('finds the folder again: a second file goes to the same folder, the link is added on a new line', () => {
    const { w, fileId } = inUnitFile();
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    api.scorerSave(leaf.code, 'evidence', 'Kế hoạch số 12/KH-UBND');
    api.scorerAttachEvidence({ code: leaf.code, name: 'a.pdf', base64: b64(10) });
    const before = w.fake.calls.snapshot();
    api.scorerAttachEvidence({ code: leaf.code, name: 'anh-hop.JPG', base64: b64(10) });
    expect(folders(w)).toHaveLength(1);
    const files = w.fake.drive.children(folders(w)[0].id);
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([
      ['a.pdf', 'application/pdf'],
      ['anh-hop.JPG', 'image/jpeg'],
    ]);
    const cell = String(evidenceCell(w, fileId, leaf.code)).split('\n');
    expect(cell).toHaveLength(3);
    expect(cell[0]).toBe('Kế hoạch số 12/KH-UBND');
    expect(cell[1]).toContain(files[0].id);
    expect(cell[2]).toContain(files[1].id);
    // Already shared: no new permission, one read of the permissions.
    const calls = w.fake.calls.since(before).byMethod;
    expect(calls['Permissions.create'] ?? 0).toBe(0);
    expect(calls['Permissions.list']).toBe(1);
    expect(calls['Files.create']).toBe(1);
  });

  it('a folder left by a run killed before sharing is found again, shared, and used (not made twice)', () => {
    const { w } = inUnitFile();
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    // Made earlier: another year's folder of the same unit, and another unit's, are not this one.
    w.fake.Drive.Files.create({
      name: 'x',
      mimeType: 'application/vnd.google-apps.folder',
      appProperties: { dvcqYear: '2023', dvcqEvidence: UNIT },
    });
    w.fake.Drive.Files.create({
      name: 'y',
      mimeType: 'application/vnd.google-apps.folder',
      appProperties: { dvcqYear: '2024', dvcqEvidence: 'BS-X09' },
    });
    // What a killed run left: the folder with its identity, shared with nobody.
    const left = w.fake.Drive.Files.create({
      name: 'Minh chứng – Xã Bình Hải – 2024',
      mimeType: 'application/vnd.google-apps.folder',
      appProperties: { dvcqYear: '2024', dvcqEvidence: UNIT },
    });
    api.scorerAttachEvidence({ code: leaf.code, name: 'a.pdf', base64: b64(10) });
    const mine = folders(w);
    expect(mine.map((f) => f.id)).toEqual([left.id]);
    expect(mine[0].viewers).toEqual([ADMIN]);
    expect(w.fake.drive.children(left.id!).map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('the administrator attaching in the unit file keeps the folder to himself (he is its only reader)', () => {
    const { w } = inUnitFile();
    w.fake.setUser(ADMIN);
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    api.scorerAttachEvidence({ code: leaf.code, name: 'bien-ban.docx', base64: b64(10) });
    const [folder] = folders(w);
    expect([folder.owner, folder.viewers, folder.editors]).toEqual([ADMIN, [], []]);
    expect(w.fake.drive.children(folder.id).map((f) => f.mimeType)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
  });

  it('refuses a wrong type and a file above 10 MB with a Vietnamese message; nothing is stored or written', () => {
    const { w, fileId } = inUnitFile();
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    expect(() => api.scorerAttachEvidence({ code: leaf.code, name: 'virus.exe', base64: b64(10) })).toThrow(
      'Tệp «virus.exe» không đính kèm được: chỉ nhận tệp PDF, ảnh (JPG, PNG, GIF, WEBP, HEIC), Word (.docx) hoặc Excel (.xlsx).',
    );
    expect(() => api.scorerAttachEvidence({ code: leaf.code, name: 'bao-cao.doc', base64: b64(10) })).toThrow(/chỉ nhận tệp PDF/);
    // The server checks the bytes it got, whatever the sidebar said.
    expect(() => api.scorerAttachEvidence({ code: leaf.code, name: 'lon.pdf', base64: b64(EVIDENCE_MAX_BYTES + 1) })).toThrow(
      'Tệp «lon.pdf» dung lượng 10,0 MB, vượt giới hạn 10,0 MB cho mỗi tệp; hãy nén hoặc tách tệp rồi đính kèm lại.',
    );
    expect(folders(w)).toEqual([]);
    expect(evidenceCell(w, fileId, leaf.code)).toBe('');
    // Exactly 10 MB is taken: test/core/evidence.test.ts (the same function decides).
  });

  it('uploads nothing when the folder is shared with someone else (another unit), and says who', () => {
    const { w } = inUnitFile();
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    api.scorerAttachEvidence({ code: leaf.code, name: 'a.pdf', base64: b64(10) });
    const folder = folders(w)[0];
    // The scorer shares the folder by hand with another unit's scorer.
    w.fake.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: OTHER }, folder.id, { sendNotificationEmail: false });
    expect(() => api.scorerAttachEvidence({ code: leaf.code, name: 'b.pdf', base64: b64(10) })).toThrow(
      `Thư mục minh chứng đang được chia sẻ cho người ngoài cơ quan quản lý và thẩm định: ${OTHER} (reader). Hãy bỏ chia sẻ này trong Google Drive rồi đính kèm lại.`,
    );
    expect(w.fake.drive.children(folder.id).map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('refuses a parent criterion, and a file made before the readers row', () => {
    const { w, fileId } = inUnitFile();
    const api = createServerApi(w.fake);
    const state = scorerState(w.env);
    const parent = state.criteria.find((c) => !c.leaf)!;
    expect(() => api.scorerAttachEvidence({ code: parent.code, name: 'a.pdf', base64: b64(10) })).toThrow(/không có ô minh chứng/);
    // An older file: its meta sheet has no readers row.
    const meta = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.meta);
    const rows = meta.values();
    const r = rows.findIndex((x) => x[0] === EXTRA_META.evidenceReaders);
    expect(r).toBeGreaterThan(0);
    expect(rows[r][1]).toBe(ADMIN);
    w.fake.setUser(ADMIN);
    w.fake.SpreadsheetApp.openById(fileId)
      .getSheetByName(SHEETS.meta)!
      .getRange(r + 1, 2)
      .setValue('');
    w.fake.setUser(SCORER);
    const leaf = state.criteria.find((c) => c.leaf)!;
    expect(() => api.scorerAttachEvidence({ code: leaf.code, name: 'a.pdf', base64: b64(10) })).toThrow(/chưa ghi người xem minh chứng/);
    expect(folders(w)).toEqual([]);
  });
});

describe('The appraisal team of Cấu hình reads the evidence too', () => {
  it('shares the folder with the administrator and each valid «Email tổ thẩm định»; a wrong one is warned about', () => {
    const w = newWorld();
    sampleControl(w);
    asAdmin(w);
    const config = control(w).sheet(SHEETS.config);
    const row = config.values().length + 1;
    config.set(`A${row}`, 'Email tổ thẩm định', { as: ADMIN });
    config.set(`B${row}`, 'ThamDinh1@example.com, thamdinh2@example.com; khong-phai-email', { as: ADMIN });
    generate(w);
    const fileId = unitFiles(w)[UNIT].id;
    w.fake.setActiveSpreadsheet(fileId);
    w.fake.setUser(SCORER);
    const api = createServerApi(w.fake);
    const leaf = scorerState(w.env).criteria.find((c) => c.leaf)!;
    api.scorerAttachEvidence({ code: leaf.code, name: 'Kế hoạch 12.pdf', base64: b64(100) });
    const [folder] = folders(w);
    expect([...folder.viewers].sort()).toEqual([ADMIN, 'thamdinh1@example.com', 'thamdinh2@example.com'].sort());
    expect(folder.viewers).not.toContain(OTHER);
    asAdmin(w);
    const findings = readControlData(w.env).control.findings.filter((f) => f.code === 'appraisers');
    expect(findings.map((f) => f.severity)).toEqual(['Cảnh báo']);
    expect(findings[0].message).toContain('«khong-phai-email» không phải email');
  });
});
