import { createGasFake, GoogleJsonResponseException, MIME } from '../fakes/gas';

describe('Drive', () => {
  it('a new spreadsheet is a Drive file in the root; moveTo moves it; folders nest', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const ss = fake.SpreadsheetApp.create('Biểu chấm điểm - Bình Hải');
    const root = fake.DriveApp.getRootFolder();
    const year = root.createFolder('Dân vận chính quyền 2024');
    const group = year.createFolder('Cụm 1');
    const file = fake.DriveApp.getFileById(ss.getId());
    expect(file.getMimeType()).toBe(MIME.GOOGLE_SHEETS);
    expect(fake.drive.item(ss.getId())!.parents).toEqual([root.getId()]);
    file.moveTo(group);
    expect(fake.drive.path(ss.getId())).toBe('My Drive/Dân vận chính quyền 2024/Cụm 1/Biểu chấm điểm - Bình Hải');
    expect(group.getFiles().next().getId()).toBe(ss.getId());
    const it = year.getFoldersByName('Cụm 1');
    expect(it.hasNext()).toBe(true);
    expect(it.next().getName()).toBe('Cụm 1');
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow('iterator has reached the end');
    expect(
      fake.drive
        .list()
        .filter((x) => x.kind === 'folder')
        .map((x) => x.name),
    ).toEqual(['My Drive', 'Dân vận chính quyền 2024', 'Cụm 1']);
  });

  it('sharing is recorded; the shared user can open the file, a stranger cannot', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const ss = fake.SpreadsheetApp.create('X');
    fake.DriveApp.getFileById(ss.getId()).addEditor('minh@binhhai.gov.vn');
    expect(fake.drive.shares).toEqual([expect.objectContaining({ itemId: ss.getId(), email: 'minh@binhhai.gov.vn', role: 'editor' })]);
    expect(fake.drive.item(ss.getId())!.editors).toEqual(['minh@binhhai.gov.vn']);
    fake.setUser('minh@binhhai.gov.vn');
    expect(fake.SpreadsheetApp.openById(ss.getId()).getId()).toBe(ss.getId());
    fake.setUser('stranger@example.com');
    expect(() => fake.SpreadsheetApp.openById(ss.getId())).toThrow('You do not have permission to access the requested document.');
    expect(() => fake.DriveApp.getFileById(ss.getId())).toThrow('No item with the given ID could be found');
  });

  it('trashed files are still returned (isTrashed) and listed; deleted ones throw', () => {
    const fake = createGasFake();
    const ss = fake.SpreadsheetApp.create('Biểu A');
    const id = ss.getId();
    fake.DriveApp.getFileById(id).setTrashed(true);
    const f = fake.DriveApp.getFileById(id);
    expect(f.isTrashed()).toBe(true);
    expect(fake.DriveApp.getFilesByName('Biểu A').hasNext()).toBe(true);
    expect(fake.SpreadsheetApp.openById(id).getId()).toBe(id); // a trashed spreadsheet still opens
    fake.drive.delete(id);
    expect(() => fake.DriveApp.getFileById(id)).toThrow(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
    expect(() => fake.SpreadsheetApp.openById(id)).toThrow(`Document ${id} is missing`);
    expect(() => ss.getSheets()).toThrow('is missing'); // an old handle fails too
    expect(() => fake.DriveApp.getFileById('nope')).toThrow(/^No item with the given ID/);
    try {
      fake.DriveApp.getFileById('nope');
    } catch (e) {
      expect(String(e)).toMatch(/^Exception: No item with the given ID could be found/);
    }
  });

  it('makeCopy copies the content (spreadsheet and document) into the destination', () => {
    const fake = createGasFake();
    const folder = fake.DriveApp.createFolder('Mẫu');
    const tpl = fake.createDocument('Mẫu báo cáo', { paragraphs: ['Báo cáo năm {{nam}}'] });
    const copy = fake.DriveApp.getFileById(tpl.id).makeCopy('Báo cáo 2024', folder);
    expect(copy.getName()).toBe('Báo cáo 2024');
    expect(fake.drive.item(copy.getId())!.parents).toEqual([folder.getId()]);
    const doc = fake.DocumentApp.openById(copy.getId());
    doc.getBody().replaceText('\\{\\{nam\\}\\}', '2024');
    expect(fake.documentById(copy.getId())!.text).toBe('Báo cáo năm 2024');
    expect(fake.documentById(tpl.id)!.text).toBe('Báo cáo năm {{nam}}');

    const src = fake.createSpreadsheet('Nguồn', {
      sheets: {
        'Chấm điểm': [
          ['Mã', 'Điểm'],
          ['1', 5],
        ],
      },
    });
    const c2 = fake.DriveApp.getFileById(src.id).makeCopy('Bản sao');
    expect(fake.spreadsheetById(c2.getId())!.sheet('Chấm điểm').values()).toEqual([
      ['Mã', 'Điểm'],
      [1, 5],
    ]);
  });
});

describe('Drive API (advanced service `Drive`, v3)', () => {
  it('Files.create makes folders, spreadsheets and documents where asked, counted as Files.create', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const year = fake.Drive.Files.create({ name: 'Dân vận chính quyền 2024', mimeType: MIME.FOLDER });
    expect(year).toMatchObject({
      kind: 'drive#file',
      name: 'Dân vận chính quyền 2024',
      mimeType: MIME.FOLDER,
      trashed: false,
      parents: [fake.drive.rootId()],
    });
    expect(year.webViewLink).toBe(`https://drive.google.com/drive/folders/${year.id}`);
    const ss = fake.Drive.Files.create({ name: 'Biểu A', mimeType: MIME.GOOGLE_SHEETS, parents: [year.id!] });
    expect(fake.drive.path(ss.id!)).toBe('My Drive/Dân vận chính quyền 2024/Biểu A');
    expect(fake.SpreadsheetApp.openById(ss.id!).getSheets()).toHaveLength(1);
    const doc = fake.Drive.Files.create({ name: 'Mẫu', mimeType: MIME.GOOGLE_DOCS, parents: [year.id!] });
    expect(fake.DocumentApp.openById(doc.id!).getBody().getText()).toBe('');
    expect(fake.calls.count('Files.create')).toBe(3);
    expect(fake.calls.count('DriveApp.*')).toBe(0);
    expect(() => fake.Drive.Files.create({ name: 'X', parents: ['khong-co'] })).toThrow('File not found: khong-co');
    expect(() => fake.Drive.Files.create({ name: 'X', parents: [ss.id!] })).toThrow('is not a folder');
    expect(() => fake.Drive.Files.create({ name: 'X', parents: [year.id!, fake.drive.rootId()] })).toThrow(
      'Increasing the number of parents',
    );
  });

  it('Files.create with media keeps the bytes (base64Decode → newBlob), answers the size, takes the blob type when none is given', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const folder = fake.Drive.Files.create({ name: 'Minh chứng', mimeType: MIME.FOLDER });
    const bytes = fake.Utilities.base64Decode(Buffer.from([0, 1, 200, 255]).toString('base64'));
    expect(bytes).toEqual([0, 1, -56, -1]); // signed, as Apps Script's Byte[]
    const blob = fake.Utilities.newBlob(bytes, 'application/pdf', 'a.pdf');
    const f = fake.Drive.Files.create({ name: 'Kế hoạch.pdf', parents: [folder.id!] }, blob, { fields: 'id,webViewLink' });
    expect(f).toMatchObject({ name: 'Kế hoạch.pdf', mimeType: 'application/pdf', size: '4' });
    expect([...fake.drive.item(f.id!)!.content!]).toEqual([0, 1, 200, 255]);
    expect(() => fake.Utilities.base64Decode('không phải base64!')).toThrow('Could not decode string');
    expect(() => fake.Drive.Files.create({ name: 'X', mimeType: MIME.GOOGLE_SHEETS }, blob)).toThrow('not supported');
  });

  it('Files.get returns trashed files with trashed: true and throws "File not found" (404) for others', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const ss = fake.createSpreadsheet('Biểu A');
    fake.drive.trash(ss.id);
    expect(fake.Drive.Files.get(ss.id, { fields: 'id,trashed' })).toMatchObject({ id: ss.id, name: 'Biểu A', trashed: true });
    fake.drive.delete(ss.id);
    let error: unknown;
    try {
      fake.Drive.Files.get(ss.id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoogleJsonResponseException);
    expect((error as GoogleJsonResponseException).details.code).toBe(404);
    expect(String(error)).toBe(`GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${ss.id}.`);
    // A file the user cannot see is "not found" too.
    const other = fake.createSpreadsheet('Riêng', { owner: 'khac@example.gov.vn' });
    expect(() => fake.Drive.Files.get(other.id)).toThrow(`File not found: ${other.id}`);
  });

  it('Files.copy copies the content into the given folder (or beside the source) and returns id and link', () => {
    const fake = createGasFake();
    const folder = fake.createFolder('Mẫu');
    const tpl = fake.createDocument('Mẫu báo cáo', { folderId: folder, paragraphs: ['Báo cáo năm {{nam}}'] });
    const dest = fake.createFolder('Năm 2024');
    const copy = fake.Drive.Files.copy({ name: 'Báo cáo 2024', parents: [dest] }, tpl.id, { fields: 'id,webViewLink' });
    expect(copy.webViewLink).toBe(`https://docs.google.com/document/d/${copy.id}/edit?usp=drivesdk`);
    expect(fake.drive.item(copy.id!)!.parents).toEqual([dest]);
    expect(fake.documentById(copy.id!)!.text).toBe('Báo cáo năm {{nam}}');
    const beside = fake.Drive.Files.copy({}, tpl.id);
    expect(fake.drive.item(beside.id!)).toMatchObject({ name: 'Copy of Mẫu báo cáo', parents: [folder] });
    const src = fake.createSpreadsheet('Nguồn', {
      sheets: {
        'Chấm điểm': [
          ['Mã', 'Điểm'],
          ['1', 5],
        ],
      },
    });
    const c2 = fake.Drive.Files.copy({ name: 'Bản sao', parents: [dest] }, src.id);
    expect(fake.spreadsheetById(c2.id!)!.sheet('Chấm điểm').values()).toEqual([
      ['Mã', 'Điểm'],
      [1, 5],
    ]);
    expect(fake.calls.count('Files.copy')).toBe(3);
  });

  it('Files.update renames, trashes and moves (addParents/removeParents); parents in the body are refused', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const a = fake.createFolder('A');
    const b = fake.createFolder('B');
    const ss = fake.createSpreadsheet('Biểu', { folderId: a });
    expect(fake.Drive.Files.update({ name: 'Biểu (bản cũ)' }, ss.id).name).toBe('Biểu (bản cũ)');
    fake.Drive.Files.update({}, ss.id, undefined as unknown as GoogleAppsScript.Base.Blob, { addParents: b, removeParents: a });
    expect(fake.drive.item(ss.id)!.parents).toEqual([b]);
    expect(() => fake.Drive.Files.update({ parents: [a] }, ss.id)).toThrow('The parents field is not directly writable');
    fake.Drive.Files.update({ trashed: true }, ss.id);
    expect(fake.drive.item(ss.id)!.trashed).toBe(true);
    // Someone who may only read the file cannot change it.
    fake.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'doc@example.gov.vn' }, ss.id);
    fake.setUser('doc@example.gov.vn');
    expect(() => fake.Drive.Files.update({ name: 'Z' }, ss.id)).toThrow('does not have sufficient permissions');
  });

  it('Files.list filters by parent, trashed, name and mimeType, and pages with nextPageToken', () => {
    const fake = createGasFake();
    const folder = fake.createFolder('Cụm');
    const ids = Array.from({ length: 5 }, (_, i) => fake.createSpreadsheet(`Biểu ${i}`, { folderId: folder }).id);
    const doc = fake.createDocument("Báo cáo của 'Cụm'", { folderId: folder });
    fake.drive.trash(ids[1]);
    fake.drive.trash(ids[3]);
    fake.createSpreadsheet('Ngoài thư mục');
    const q = (query: string, extra: Record<string, unknown> = {}) => fake.Drive.Files.list({ q: query, ...extra });
    expect(q(`'${folder}' in parents and trashed = true`).files!.map((f) => f.id)).toEqual([ids[1], ids[3]]);
    expect(q(`'${folder}' in parents and trashed = false and mimeType = '${MIME.GOOGLE_SHEETS}'`).files).toHaveLength(3);
    expect(q(`name = 'Báo cáo của \\'Cụm\\'' AND '${folder}' in parents`).files!.map((f) => f.id)).toEqual([doc.id]);
    expect(q(`name contains 'Biểu' and mimeType != '${MIME.GOOGLE_DOCS}'`).files).toHaveLength(5);
    const first = q(`'${folder}' in parents`, { pageSize: 4 });
    expect(first.files).toHaveLength(4);
    const second = q(`'${folder}' in parents`, { pageSize: 4, pageToken: first.nextPageToken });
    expect(second.files).toHaveLength(2);
    expect(second.nextPageToken).toBeUndefined();
    expect(() => q(`modifiedTime > '2024-01-01'`)).toThrow('Invalid Value');
    expect(() => q(`'${folder}' in parents or trashed = true`)).toThrow('Invalid Value');
  });

  it('Permissions.create shares as editor or reader, records the notification, and needs edit rights', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    const ss = fake.createSpreadsheet('X');
    const p = fake.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'minh@binhhai.gov.vn' }, ss.id, {
      sendNotificationEmail: true,
      emailMessage: 'Mời anh chấm điểm.',
    });
    expect(p).toMatchObject({ type: 'user', role: 'writer', emailAddress: 'minh@binhhai.gov.vn' });
    expect(fake.drive.shares).toEqual([
      expect.objectContaining({
        itemId: ss.id,
        email: 'minh@binhhai.gov.vn',
        role: 'editor',
        via: 'Permissions.create',
        notify: true,
        message: 'Mời anh chấm điểm.',
      }),
    ]);
    expect(fake.drive.item(ss.id)!.editors).toEqual(['minh@binhhai.gov.vn']);
    fake.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: 'xem@example.gov.vn' }, ss.id, {
      sendNotificationEmail: false,
    });
    expect(fake.drive.shares[1]).toMatchObject({ role: 'viewer', notify: false, message: null });
    expect(() => fake.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'sai-email' }, ss.id)).toThrow(
      'Invalid sharing request',
    );
    expect(() => fake.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'a@b.vn' }, 'khong-co')).toThrow(
      'File not found: khong-co',
    );
    fake.setUser('xem@example.gov.vn');
    expect(() => fake.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'a@b.vn' }, ss.id)).toThrow(
      'does not have sufficient permissions',
    );
    fake.setUser('minh@binhhai.gov.vn');
    expect(fake.SpreadsheetApp.openById(ss.id).getId()).toBe(ss.id);
    expect(fake.calls.count('Permissions.create')).toBe(5);
  });

  it('installGlobals puts Drive (and DriveApp) on the global object', () => {
    const fake = createGasFake();
    const g: Record<string, unknown> = {};
    fake.installGlobals(g);
    expect(g.Drive).toBe(fake.Drive);
    expect(g.DriveApp).toBe(fake.DriveApp);
  });
});

describe('Documents', () => {
  it('appends paragraphs and tables in order; insertTable builds a whole table in one call', () => {
    const fake = createGasFake();
    const doc = fake.DocumentApp.create('Báo cáo');
    const body = doc.getBody();
    body.setMarginTop(56.7).setMarginLeft(85);
    const title = body.appendParagraph('BÁO CÁO');
    const { Attribute, HorizontalAlignment } = fake.DocumentApp;
    title.setAttributes({ [Attribute.HORIZONTAL_ALIGNMENT]: HorizontalAlignment.CENTER, [Attribute.BOLD]: true });
    const p = body.appendParagraph('Kết quả: đạt');
    p.editAsText().setBold(9, 11, true);
    fake.calls.reset();
    const t = body.insertTable(2, [
      ['STT', 'Đơn vị', 'Điểm'],
      ['1', 'Bình Hải', '87,5'],
    ]);
    expect(fake.calls.total).toBe(1);
    t.setBorderWidth(1);
    const v = fake.documentById(doc.getId())!;
    // A new document starts with one empty paragraph.
    expect(v.children.map((c) => c.type)).toEqual(['PARAGRAPH', 'PARAGRAPH', 'TABLE', 'PARAGRAPH']);
    expect(v.paragraphs[1]).toEqual(
      expect.objectContaining({
        text: 'BÁO CÁO',
        alignment: 'CENTER',
        attributes: expect.objectContaining({ BOLD: true }) as unknown,
      }),
    );
    expect(v.paragraphs[2].runs).toEqual([{ start: 9, end: 11, text: 'đạt', attributes: { BOLD: true } }]);
    expect(v.tables[0].cells).toEqual([
      ['STT', 'Đơn vị', 'Điểm'],
      ['1', 'Bình Hải', '87,5'],
    ]);
    expect(v.tables[0].attributes).toEqual({ BORDER_WIDTH: 1 });
    expect(v.attributes).toEqual({ MARGIN_TOP: 56.7, MARGIN_LEFT: 85 });
    expect(body.getNumChildren()).toBe(4);
    expect(body.getChild(2).getType()).toBe(fake.DocumentApp.ElementType.TABLE);
  });

  it('replaceText is a regular expression, in paragraphs and table cells', () => {
    const fake = createGasFake();
    const doc = fake.createDocument('T', { paragraphs: ['Điểm {{a.b}} và {{axb}}'], table: [['{{a.b}}', 'x']] });
    const body = fake.DocumentApp.openById(doc.id).getBody();
    body.replaceText('{{a.b}}', 'Z'); // unescaped '.': matches {{axb}} too, as in Apps Script
    expect(doc.paragraphs[0].text).toBe('Điểm Z và Z');
    expect(doc.tables[0].cells).toEqual([['Z', 'x']]);
    expect(() => body.replaceText('(?=x)', 'y')).toThrow('Invalid argument: searchPattern');
    expect(() => body.replaceText('x', 'US$5')).toThrow("replacement contains '$'");
  });

  it('findText + getChildIndex + insertTable replaces a placeholder paragraph', () => {
    const fake = createGasFake();
    const d = fake.createDocument('T', { paragraphs: ['Mở đầu', '{{BANG_KET_QUA}}', 'Kết thúc'] });
    const body = fake.DocumentApp.openById(d.id).getBody();
    const found = body.findText('\\{\\{BANG_KET_QUA\\}\\}')!;
    expect(found.getStartOffset()).toBe(0);
    const par = found.getElement().getParent();
    const idx = body.getChildIndex(par);
    expect(idx).toBe(1);
    body.insertTable(idx, [['a', 'b']]);
    par.removeFromParent();
    expect(d.children.map((c) => (c.type === 'TABLE' ? 'TABLE' : c.text))).toEqual(['Mở đầu', 'TABLE', 'Kết thúc']);
    expect(body.findText('không có')).toBeNull();
  });

  it('the last paragraph cannot be removed; a closed document cannot be used', () => {
    const fake = createGasFake();
    const doc = fake.DocumentApp.create('D');
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1); // a new document has one empty paragraph
    body.appendTable([['x']]);
    expect(body.getNumChildren()).toBe(3); // the body always ends with a paragraph
    expect(() => body.getChild(2).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow('Document is closed, its contents cannot be updated.');
    expect(() => doc.getBody()).toThrow('Document is closed');
    expect(fake.DocumentApp.openById(doc.getId()).getBody().getNumChildren()).toBe(3);
  });
});

describe('Ui, Html, properties, locks, session, utilities', () => {
  it('records menus, sidebars and alerts', () => {
    const fake = createGasFake({ htmlFiles: { Sidebar: '<h1>Quản trị</h1>' } });
    fake.createSpreadsheet('C', { active: true });
    const ui = fake.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Thiết lập bảng điều khiển', 'menuSetup').addSeparator().addItem('Tạo báo cáo', 'menuReport').addToUi();
    ui.showSidebar(fake.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('DVCQ'));
    fake.ui.respondWith('NO');
    expect(String(ui.alert('Xác nhận', 'Tạo lại?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(String(ui.alert('Xong', 'Đã tạo.', ui.ButtonSet.OK))).toBe('OK');
    expect(fake.ui.addonMenu()!.items).toEqual([
      { caption: 'Thiết lập bảng điều khiển', functionName: 'menuSetup' },
      { separator: true },
      { caption: 'Tạo báo cáo', functionName: 'menuReport' },
    ]);
    expect(fake.ui.sidebars).toEqual([{ title: 'DVCQ', html: '<h1>Quản trị</h1>', width: 300, user: fake.user }]);
    expect(fake.ui.alerts.map((a) => a.response)).toEqual(['NO', 'OK']);
    expect(() => fake.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('properties per store, with Apps Script limits', () => {
    const fake = createGasFake();
    const ss = fake.createSpreadsheet('C', { active: true });
    const props = fake.PropertiesService.getDocumentProperties();
    props.setProperty('cursor', '12').setProperty('a', '1').deleteProperty('a');
    expect(fake.properties.document(ss.id).get('cursor')).toBe('12');
    expect(props.getProperties()).toEqual({ cursor: '12' });
    expect(() => props.setProperty('big', 'x'.repeat(10000))).toThrow('Argument too large: value');
    fake.setActiveSpreadsheet(null);
    expect(fake.PropertiesService.getDocumentProperties()).toBeNull();
  });

  it('locks: held by another execution → waitLock throws', () => {
    const fake = createGasFake();
    fake.createSpreadsheet('C', { active: true });
    const lock = fake.LockService.getDocumentLock();
    lock.waitLock(1000);
    expect(fake.locks.heldBy('document')).toBe('script');
    lock.releaseLock();
    expect(fake.locks.heldBy('document')).toBeNull();
    fake.locks.holdByOther('document');
    expect(() => fake.LockService.getDocumentLock().waitLock(1000)).toThrow('Lock timeout');
    expect(fake.locks.acquisitions('document')).toBe(1);
  });

  it('session and Utilities.sleep', () => {
    const fake = createGasFake({ user: 'lan@example.gov.vn' });
    expect(fake.Session.getActiveUser().getEmail()).toBe('lan@example.gov.vn');
    const u = fake.Utilities;
    u.sleep(500);
    expect(fake.sleptMs).toBe(500);
  });

  it('installGlobals puts the services on a vm context', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('vm') as typeof import('vm');
    const fake = createGasFake();
    fake.createSpreadsheet('C', { active: true });
    const context: Record<string, unknown> = {};
    fake.installGlobals(context);
    vm.createContext(context);
    const name: unknown = vm.runInContext(
      'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").setValue(Charts.ChartType.BAR).getValue()',
      context,
    );
    expect(name).toBe('BAR');
    expect(fake.calls.count('Range.setValue')).toBe(1);
    // Dates cross the boundary as Dates of the script's realm, both ways.
    const ok: unknown = vm.runInContext(
      `var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("B1");
       r.setValues([[new Date(Date.UTC(2024, 10, 15))]]);
       var v = r.getValues()[0][0];
       v instanceof Date && v.getTime() === Date.UTC(2024, 10, 15)`,
      context,
    );
    expect(ok).toBe(true);
  });
});
