// The fake's Drive API additions (appProperties, their search term, Permissions.list) and its
// fault injection (an answer lost after the call was done, an execution killed at a call).
import { createGasFake, ExecutionKilled, GoogleJsonResponseException } from '../fakes/gas';

const USER = 'lan@example.gov.vn';

function world() {
  const fake = createGasFake({ user: USER });
  const folder = fake.Drive.Files.create({ name: 'Cụm 1', mimeType: 'application/vnd.google-apps.folder' });
  const src = fake.Drive.Files.create({ name: 'Mẫu', mimeType: 'application/vnd.google-apps.spreadsheet', parents: [folder.id!] });
  return { fake, folder: folder.id!, src: src.id! };
}

describe('Drive API: appProperties', () => {
  it('are set by copy and create (patch semantics), returned by get and found by list', () => {
    const { fake, folder, src } = world();
    const a = fake.Drive.Files.copy({ name: 'A', parents: [folder], appProperties: { dvcqYear: '2024', dvcqUnit: 'X01' } }, src);
    fake.Drive.Files.copy({ name: 'B', parents: [folder], appProperties: { dvcqYear: '2023', dvcqUnit: 'X01' } }, src);
    expect(fake.Drive.Files.get(a.id!).appProperties).toEqual({ dvcqYear: '2024', dvcqUnit: 'X01' });
    const q = `'${folder}' in parents and trashed = false and appProperties has { key='dvcqYear' and value='2024' }`;
    expect(fake.Drive.Files.list({ q }).files!.map((f) => f.name)).toEqual(['A']);
    fake.Drive.Files.update({ appProperties: { dvcqYear: null } }, a.id!);
    expect(fake.Drive.Files.list({ q }).files).toEqual([]);
    fake.Drive.Files.update({ trashed: true }, fake.Drive.Files.list({ q: `'${folder}' in parents and name = 'B'` }).files![0].id!);
    expect(fake.Drive.Files.list({ q: q.replace('2024', '2023') }).files).toEqual([]);
  });

  it('refuse a property over 124 bytes (key and value)', () => {
    const { fake, folder, src } = world();
    expect(() => fake.Drive.Files.copy({ name: 'A', parents: [folder], appProperties: { k: 'x'.repeat(124) } }, src)).toThrow(
      GoogleJsonResponseException,
    );
  });
});

describe('Drive API: Permissions.list', () => {
  it('lists the owner and the users a file is shared with', () => {
    const { fake, src } = world();
    expect(fake.Drive.Permissions.list(src, {}).permissions).toEqual([expect.objectContaining({ emailAddress: USER, role: 'owner' })]);
    fake.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'minh@binhhai.gov.vn' }, src, {
      sendNotificationEmail: false,
    });
    expect(fake.Drive.Permissions.list(src, {}).permissions!.map((p) => [p.emailAddress, p.role])).toEqual([
      [USER, 'owner'],
      ['minh@binhhai.gov.vn', 'writer'],
    ]);
    expect(() => fake.Drive.Permissions.list('nope', {})).toThrow('File not found: nope');
  });
});

describe('Faults', () => {
  it('loseResponse: the call is done, then throws a timeout once', () => {
    const { fake, folder, src } = world();
    fake.loseResponse('Files.copy', 1);
    fake.Drive.Files.copy({ name: 'A', parents: [folder] }, src);
    expect(() => fake.Drive.Files.copy({ name: 'B', parents: [folder] }, src)).toThrow(/timed out/i);
    fake.Drive.Files.copy({ name: 'C', parents: [folder] }, src);
    expect(
      fake.drive
        .list()
        .map((x) => x.name)
        .filter((n) => n.length === 1),
    ).toEqual(['A', 'B', 'C']);
  });

  it('killAt before: the call is not made; after: it is; every later call throws until endExecution', () => {
    const { fake, folder, src } = world();
    fake.killAt('Files.copy', 0, 'before');
    expect(() => fake.Drive.Files.copy({ name: 'A', parents: [folder] }, src)).toThrow(ExecutionKilled);
    expect(() => fake.Drive.Files.get(src)).toThrow(ExecutionKilled);
    expect(fake.killedAt).toBe('Files.copy');
    expect(fake.drive.list().some((x) => x.name === 'A')).toBe(false);
    fake.endExecution();
    expect(fake.killedAt).toBeNull();
    fake.killAt('Files.copy', 0, 'after');
    expect(() => fake.Drive.Files.copy({ name: 'B', parents: [folder] }, src)).toThrow(ExecutionKilled);
    expect(fake.drive.list().some((x) => x.name === 'B')).toBe(true);
    expect(() => fake.PropertiesService.getDocumentProperties()).toThrow(ExecutionKilled);
    fake.endExecution();
    expect(fake.Drive.Files.get(src).name).toBe('Mẫu');
  });
});

describe('Protections of a copy', () => {
  function protectedCopy(protectionsOnCopy: 'keep' | 'mirror') {
    const fake = createGasFake({ user: USER, protectionsOnCopy });
    const src = fake.Drive.Files.create({ name: 'Mẫu', mimeType: 'application/vnd.google-apps.spreadsheet' });
    const ss = fake.SpreadsheetApp.openById(src.id!);
    const p = ss.getSheets()[0].protect();
    p.addEditor(fake.Session.getEffectiveUser());
    p.removeEditors(p.getEditors());
    const copy = fake.Drive.Files.copy({ name: 'Bản sao' }, src.id!);
    fake.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: 'minh@binhhai.gov.vn' }, copy.id!, {});
    return { fake, copy: fake.SpreadsheetApp.openById(copy.id!) };
  }

  it("'keep' (default): the copy's protection keeps the source's editors; a new editor of the file is not one", () => {
    const { fake, copy } = protectedCopy('keep');
    const [p] = copy.getProtections(fake.SpreadsheetApp.ProtectionType.SHEET);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([USER]);
  });

  it("'mirror': the copy's protection follows the file's editors until its list is set (addEditor makes it explicit)", () => {
    const { fake, copy } = protectedCopy('mirror');
    const [p] = copy.getProtections(fake.SpreadsheetApp.ProtectionType.SHEET);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([USER, 'minh@binhhai.gov.vn']);
    p.addEditor(fake.Session.getEffectiveUser());
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([USER]);
    expect(fake.Session.getEffectiveUser().getEmail()).toBe(USER);
  });
});
