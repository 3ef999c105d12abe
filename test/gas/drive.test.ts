// Drive goes through the Advanced Drive Service (Drive API v3) only: DriveApp needs the full
// `drive` scope, which the manifest does not ask for.
import * as fs from 'fs';
import * as path from 'path';
import { newWorld, asAdmin, ADMIN, control } from './helpers';
import { SHEETS } from '../../src/core/schema';
import { fillSampleScores, generate, runAll, sampleControl, unitFiles } from './flow';
import { runAssessChunk } from '../../src/gas/jobs/assess';
import { adminState } from '../../src/gas/admin';
import { scorerState, scorerSubmit } from '../../src/gas/scorer';
import { readControlData } from '../../src/gas/control-io';
import { decodeFileRecord, KEYS, Store } from '../../src/gas/store';
import { emailTag } from '../../src/core/sharing';
import { gasServices } from '../../src/gas/services';
import { userMessage, UserError } from '../../src/gas/errors';
import { copyFile, createFolder, DRIVE_MIME, fileState, folderUrl, queryString, renameFile, trashedIn } from '../../src/gas/drive';
import { SAMPLE, SAMPLE_GROUPS } from '../../src/core/sample';
import type { JobChunk } from '../../src/gas/api';
import { GoogleJsonResponseException } from '../fakes/gas';

const DRIVE_APP_CLASSES = ['DriveApp', 'Folder', 'File', 'FolderIterator', 'FileIterator'];
const driveAppCalls = (log: readonly string[]) => log.filter((m) => DRIVE_APP_CLASSES.includes(m.slice(0, m.indexOf('.'))));
const docId = (c: JobChunk) => /\/d\/([^/]+)/.exec(c.links[0].url)![1];

describe('appsscript.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../appsscript.json'), 'utf8')) as {
    dependencies: { enabledAdvancedServices: unknown[] };
    oauthScopes: string[];
  };

  it('enables the Advanced Drive Service v3 as `Drive`', () => {
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }]);
  });

  it('keeps the least-privilege scopes: drive.file, never the full drive scope', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      // «Nhắc đơn vị chưa nộp»: MailApp sends as the administrator (not gmail.send, which reads mail too).
      'https://www.googleapis.com/auth/script.send_mail',
    ]);
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
  });
});

describe('Drive through the Drive API (never DriveApp)', () => {
  it('makes no DriveApp call in the whole year: setup, generate, progress, validate, rank, report, decision', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    fillSampleScores(w);
    asAdmin(w);
    for (const step of ['progress', 'validate', 'rank', 'report', 'decision', 'report'] as const) {
      expect(runAll((c) => runAssessChunk(w.env, step, c)).at(-1)!.finished).toBe(true);
    }
    adminState(w.env);
    // A scorer at his file.
    w.fake.setActiveSpreadsheet(unitFiles(w)['BS-X08'].id);
    w.fake.setUser('binhhai.binhson@example.com');
    scorerState(w.env);
    try {
      scorerSubmit(w.env);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError); // the sample entries may be incomplete: still no DriveApp
    }

    expect(driveAppCalls(w.fake.calls.log)).toEqual([]);
    for (const c of DRIVE_APP_CLASSES) expect(w.fake.calls.count(`${c}.*`)).toBe(0);
    // Neither SpreadsheetApp.create nor DocumentApp.create: files made by Drive (drive.file).
    expect(w.fake.calls.count('SpreadsheetApp.create')).toBe(0);
    expect(w.fake.calls.count('DocumentApp.create')).toBe(0);
    expect(w.fake.calls.count('Files.copy')).toBeGreaterThanOrEqual(33 + 3);
    expect(w.fake.calls.count('Permissions.create')).toBe(33);
  });

  it('shares each unit file with its scorer only, by Permissions.create with a notification e-mail', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const files = unitFiles(w);
    const { control } = readControlData(w.env);
    const shares = w.fake.drive.shares;
    expect(shares).toHaveLength(33);
    for (const u of control.units) {
      const mine = shares.filter((s) => s.itemId === files[u.code].id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ email: u.email, role: 'editor', by: ADMIN, via: 'Permissions.create', notify: true });
      expect(mine[0].message).toContain('biểu mẫu chấm điểm công tác dân vận chính quyền năm 2024');
      expect(mine[0].message).toContain(`của đơn vị ${u.name}`);
      expect(w.fake.drive.item(files[u.code].id)!.editors).toEqual([u.email]);
    }
    // A second run shares nothing again.
    generate(w);
    expect(w.fake.drive.shares).toHaveLength(33);
  });

  it('a sharing failure is reported for the unit, not counted as done, and shared again by the next run', () => {
    const w = newWorld();
    sampleControl(w);
    w.fake.failAfter('Permissions.create', 2, 'Invalid sharing request');
    const r = generate(w).at(-1)!;
    // The file exists, but its scorer cannot open it: not "done", and said so.
    expect(r.done).toBe(32);
    expect(r.message).toMatch(
      /^32\/33 đơn vị đã có biểu mẫu; 1 đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm; 1 việc cần xử lý/,
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toMatch(
      /biểu mẫu đã được tạo nhưng chưa chia sẻ được cho «.+@.+» \(Chia sẻ: Google từ chối chia sẻ tệp với địa chỉ này/,
    );
    expect(r.errors[0].message).not.toContain('Invalid sharing request'); // raw English goes to the log only
    expect(w.fake.logs.join('\n')).toContain('Invalid sharing request');
    expect(w.fake.drive.shares).toHaveLength(32);
    const failed = Object.entries(unitFiles(w)).find(([, f]) => f.sharedWith === '')!;
    expect(failed).toBeDefined();
    expect(adminState(w.env).steps.find((s) => s.key === 'templates')).toMatchObject({
      state: 'warning',
      detail: '32/33 đơn vị đã có biểu mẫu; 1 đơn vị có biểu mẫu nhưng chưa chia sẻ được cho người chấm',
    });

    // The next run shares it (and only it), without copying anything again.
    const again = generate(w).at(-1)!;
    expect(again.done).toBe(33);
    expect(again.errors).toEqual([]);
    expect(again.message).toBe('33/33 đơn vị đã có biểu mẫu.');
    expect(w.fake.calls.count('Files.copy')).toBe(33);
    expect(w.fake.drive.shares).toHaveLength(33);
    const { control } = readControlData(w.env);
    const unit = control.units.find((u) => u.code === failed[0])!;
    expect(w.fake.drive.item(failed[1].id)!.editors).toEqual([unit.email]);
    expect(unitFiles(w)[unit.code].sharedWith).toBe(emailTag(unit.email));
    // A third run shares nothing.
    generate(w);
    expect(w.fake.drive.shares).toHaveLength(33);
  });

  it('a corrected e-mail gets the file on the next run; an unchanged one is not notified again', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const files = unitFiles(w);
    const sheet = control(w).sheet(SHEETS.units);
    const rows = sheet.values();
    const r = rows.findIndex((x) => x[0] === 'BS-X08') + 1;
    const col = String.fromCharCode(65 + rows[0].indexOf('Email người chấm'));
    sheet.set(`${col}${r}`, 'vanphong.binhhai@example.com');
    const again = generate(w).at(-1)!;
    expect(again.errors).toEqual([]);
    const shares = w.fake.drive.shares.filter((s) => s.itemId === files['BS-X08'].id).map((s) => s.email);
    expect(shares).toEqual(['binhhai.binhson@example.com', 'vanphong.binhhai@example.com']);
    expect(w.fake.drive.shares).toHaveLength(34);
    expect(unitFiles(w)['BS-X08'].sharedWith).toBe(emailTag('vanphong.binhhai@example.com'));
  });

  it('files recorded before the shared address was remembered are not shared (and e-mailed) again', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    // Records as an earlier version wrote them: no `sharedWith`.
    const props = w.fake.properties.document(w.controlId);
    for (const [k, v] of props) {
      if (!k.includes(':file:')) continue;
      const r = decodeFileRecord(v)!;
      props.set(k, JSON.stringify({ id: r.id, url: r.url, gid: r.gid, state: 'ok' }));
    }
    const again = generate(w).at(-1)!;
    expect(again.message).toBe('33/33 đơn vị đã có biểu mẫu.');
    expect(w.fake.drive.shares).toHaveLength(33);
    const { control } = readControlData(w.env);
    for (const u of control.units) expect(unitFiles(w)[u.code].sharedWith).toBe(emailTag(u.email));
  });

  it('creates the folders, the masters, the unit files and the documents where they belong', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    fillSampleScores(w);
    asAdmin(w);
    const report = runAll((c) => runAssessChunk(w.env, 'report', c)).at(-1)!;
    const decision = runAll((c) => runAssessChunk(w.env, 'decision', c)).at(-1)!;
    const drive = w.fake.drive;
    const year = 'My Drive/Dân vận chính quyền 2024';
    const root = drive.byPath(year)!;
    expect(root).toMatchObject({ kind: 'folder', mimeType: DRIVE_MIME.folder, owner: ADMIN, trashed: false });

    const inRoot = drive.children(root.id);
    const names = (mime: string) =>
      inRoot
        .filter((x) => x.mimeType === mime)
        .map((x) => x.name)
        .sort();
    expect(names(DRIVE_MIME.folder)).toEqual([SAMPLE_GROUPS.offices, SAMPLE_GROUPS.communes].sort());
    // One master per rubric, in the year folder, made by Files.create.
    const masters = names(DRIVE_MIME.spreadsheet);
    expect(masters.length).toBe(new Set(SAMPLE.units.map((u) => u.rubricId)).size);
    expect(masters.every((n) => n.startsWith('Mẫu gốc biểu chấm điểm '))).toBe(true);
    expect(names(DRIVE_MIME.document)).toEqual([
      'Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 - DỰ THẢO',
      'Mẫu báo cáo mặc định DVCQ',
      'Mẫu quyết định mặc định DVCQ',
      'Quyết định công nhận kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024 - DỰ THẢO',
    ]);
    expect(drive.item(docId(report))!.parents).toEqual([root.id]);
    expect(drive.item(docId(decision))!.parents).toEqual([root.id]);
    expect(report.links[0].url).toBe(`https://docs.google.com/document/d/${docId(report)}/edit?usp=drivesdk`);

    // Unit files in their group's folder, links as Drive gives them.
    const { control } = readControlData(w.env);
    const files = unitFiles(w);
    for (const u of control.units) {
      const item = drive.item(files[u.code].id)!;
      expect(item.mimeType).toBe(DRIVE_MIME.spreadsheet);
      expect(drive.path(item.id)).toBe(`${year}/${u.group}/${item.name}`);
      expect(files[u.code].url).toBe(`https://docs.google.com/spreadsheets/d/${item.id}/edit?usp=drivesdk`);
    }
    // The admin sidebar links to the folder.
    expect(adminState(w.env).links[0]).toEqual({ label: `Thư mục «${root.name}»`, url: folderUrl(root.id) });
  });

  it('generates a unit in one copy call: Files.copy returns the id and the link', () => {
    const w = newWorld();
    sampleControl(w);
    const before = w.fake.calls.snapshot();
    generate(w);
    const calls = w.fake.calls.since(before).byMethod;
    expect(calls['Files.copy']).toBe(33);
    expect(calls['Files.get'] ?? 0).toBe(0); // nothing known yet: no state to check
    // Root, two groups and the masters.
    expect(calls['Files.create']).toBe(3 + new Set(SAMPLE.units.map((u) => u.rubricId)).size);
  });

  it('reports a trashed unit file found by one Files.list per folder', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const files = unitFiles(w);
    w.fake.drive.trash(files['BS-X05'].id);
    const before = w.fake.calls.snapshot();
    const r = runAll((c) => runAssessChunk(w.env, 'progress', c)).at(-1)!;
    expect(r.finished).toBe(true);
    expect(w.fake.calls.since(before).byMethod['Files.list']).toBe(2); // two group folders
  });
});

describe('The Drive adapter (src/gas/drive.ts)', () => {
  function world() {
    const w = newWorld();
    const root = createFolder(w.env, 'Gốc');
    return { w, root };
  }

  it('fileState: ok with name and link, trashed, missing; other errors are not taken for "missing"', () => {
    const { w, root } = world();
    const ss = w.fake.createSpreadsheet('Biểu A', { folderId: root.id });
    expect(fileState(w.env, ss.id)).toEqual({
      state: 'ok',
      file: { id: ss.id, name: 'Biểu A', url: `https://docs.google.com/spreadsheets/d/${ss.id}/edit?usp=drivesdk` },
    });
    w.fake.drive.trash(ss.id);
    expect(fileState(w.env, ss.id)).toEqual({ state: 'trashed' });
    w.fake.drive.delete(ss.id);
    expect(fileState(w.env, ss.id)).toEqual({ state: 'missing' });
    expect(fileState(w.env, 'khong-co')).toEqual({ state: 'missing' });
    // Someone else's file is "not found" for the Drive API.
    const other = w.fake.createSpreadsheet('Của người khác', { owner: 'khac@example.gov.vn' });
    expect(fileState(w.env, other.id)).toEqual({ state: 'missing' });
    // A quota error is thrown, not reported as a deleted file.
    const ok = w.fake.createSpreadsheet('Biểu B');
    w.fake.failAfter('Files.get', 0, 'User Rate Limit Exceeded');
    expect(() => fileState(w.env, ok.id)).toThrow('User Rate Limit Exceeded');
  });

  it('copyFile: one call, the copy in the folder, its id and link', () => {
    const { w, root } = world();
    const src = w.fake.createDocument('Mẫu', { paragraphs: ['Xin chào'] });
    const before = w.fake.calls.snapshot();
    const copy = copyFile(w.env, src.id, 'Bản sao', root.id);
    expect(w.fake.calls.since(before)).toEqual({ total: 1, byMethod: { 'Files.copy': 1 } });
    expect(copy.url).toBe(`https://docs.google.com/document/d/${copy.id}/edit?usp=drivesdk`);
    expect(w.fake.drive.item(copy.id)).toMatchObject({ name: 'Bản sao', parents: [root.id] });
    expect(w.fake.documentById(copy.id)!.text).toContain('Xin chào');
    renameFile(w.env, copy.id, 'Bản sao (bản cũ)');
    expect(w.fake.drive.item(copy.id)!.name).toBe('Bản sao (bản cũ)');
  });

  it('trashedIn: every trashed file of the folders, page after page', () => {
    const { w, root } = world();
    const other = createFolder(w.env, "Nhóm 'A' \\ B", root.id);
    const trashed: string[] = [];
    // 1,100 trashed files in one folder: two pages of 1,000.
    for (let i = 0; i < 1205; i++) {
      const inRoot = i < 1200;
      const id = w.fake.createFolder(`Tệp ${i}`, { parentId: inRoot ? root.id : other.id });
      if ((inRoot && i < 1100) || i === 1201 || i === 1203) {
        w.fake.drive.trash(id);
        trashed.push(id);
      }
    }
    const outside = w.fake.createSpreadsheet('Ngoài', { folderId: w.fake.drive.rootId() });
    w.fake.drive.trash(outside.id);
    const before = w.fake.calls.snapshot();
    const found = trashedIn(w.env, [root.id, other.id, root.id, 'khong-co']);
    expect(found.size).toBe(1102);
    expect([...found].sort()).toEqual(trashed.sort());
    // Root: two pages; the other folder: one; a folder that is gone: one (empty).
    expect(w.fake.calls.since(before).byMethod['Files.list']).toBe(4);
  });

  it('trashedIn: a passing failure is retried once; a gone folder is skipped; any other failure is not taken for "nothing in the trash"', () => {
    const { w, root } = world();
    const id = w.fake.createFolder('Tệp', { parentId: root.id });
    w.fake.drive.trash(id);
    w.fake.failAfter('Files.list', 0, new GoogleJsonResponseException('drive.files.list', 503, 'Backend Error'));
    expect([...trashedIn(w.env, [root.id])]).toEqual([id]);
    expect(w.fake.sleptMs).toBe(1000);
    w.fake.failAfter('Files.list', 0, new GoogleJsonResponseException('drive.files.list', 404, 'File not found: x.'));
    expect([...trashedIn(w.env, ['x', root.id])]).toEqual([id]);
    w.fake.failAfter('Files.list', 0, new GoogleJsonResponseException('drive.files.list', 400, 'Invalid Value'));
    expect(() => trashedIn(w.env, [root.id])).toThrow('Invalid Value');
    w.fake.failAfter('Files.list', 0, 'Service Drive timed out');
    w.fake.failAfter('Files.list', 0, 'Service Drive timed out');
    expect(() => trashedIn(w.env, [root.id])).toThrow('timed out');
  });

  it('queryString escapes quotes and backslashes for the Drive query language', () => {
    expect(queryString("O'Brien \\ 1")).toBe("'O\\'Brien \\\\ 1'");
    const w = newWorld();
    w.fake.createSpreadsheet("O'Brien \\ 1");
    const list = w.fake.Drive.Files.list({ q: `name = ${queryString("O'Brien \\ 1")} and trashed = false` });
    expect(list.files!.map((f) => f.name)).toEqual(["O'Brien \\ 1"]);
  });

  it('says in Vietnamese when the Drive service is not enabled, and when a file is not found', () => {
    expect(typeof (globalThis as { Drive?: unknown }).Drive).toBe('undefined');
    expect(() => gasServices().Drive).toThrow(new UserError('Chưa bật dịch vụ nâng cao Drive API (v3) cho dự án Apps Script.'));
    const w = newWorld();
    let error: unknown;
    try {
      w.fake.Drive.Files.get('khong-co');
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe('GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: khong-co.');
    expect(userMessage(error, 'Tạo báo cáo')).toBe('Tạo báo cáo: không tìm thấy tệp (có thể đã bị xóa hoặc không còn quyền truy cập).');
  });

  it('keeps the group folder ids it created', () => {
    const w = newWorld();
    sampleControl(w);
    generate(w);
    const store = new Store(w.env);
    const id = store.get(KEYS.group(2024, SAMPLE_GROUPS.communes))!;
    expect(w.fake.drive.item(id)).toMatchObject({ name: SAMPLE_GROUPS.communes, kind: 'folder' });
  });
});
