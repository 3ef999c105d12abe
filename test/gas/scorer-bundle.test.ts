// The scorer's path with nothing installed: the administrator's master carries the scorer bundle
// (build/scorer) as its bound script, every unit file is a copy and carries it too, and a scorer —
// another user, editor of that one file only — opens the file: the bound onOpen runs in
// AuthMode.LIMITED and shows «DVCQ › Mở biểu chấm điểm», and the sidebar's server functions of the
// scorer bundle load the state, save a value, attach a file and submit. The bundle runs in a vm
// context that holds only the services its scopes allow (spreadsheets.currentonly,
// script.container.ui, userinfo.email, drive.file with the Drive service for evidence): no
// DocumentApp, PropertiesService, LockService, and a SpreadsheetApp that refuses to open any
// other file.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { execFileSync } from 'child_process';
import { newWorld, asAdmin, ADMIN } from './helpers';
import { generate, sampleControl, unitFiles } from './flow';
import { Store } from '../../src/gas/store';
import { createScorerMaster, SCORER_MASTER_KEY, ScorerMasterRecord } from '../../src/gas/scorer-master';
import { UNIT_FILE_NOT_CONTROL } from '../../src/gas/control-io';
import { SHEETS } from '../../src/core/schema';
import type { ScorerState } from '../../src/gas/api';
import type { World } from './helpers';

const root = path.resolve(__dirname, '../..');
const scorerDir = path.join(root, 'build/scorer');
const SCORER = 'binhhai.binhson@example.com';
const UNIT = 'BS-X08';
const BOUND = 'DVCQ — mã chấm điểm';

const SCORER_GLOBALS = [
  'onOpen',
  'openScorerSidebar',
  'scorerAttachEvidence',
  'scorerExplain',
  'scorerReopen',
  'scorerSave',
  'scorerState',
  'scorerSubmit',
];
const ADMIN_GLOBALS = [
  'onInstall',
  'openDvcq',
  'openAdminSidebar',
  'setupControl',
  'setupControlWithSample',
  'createScorerMasterFile',
  'generateTemplates',
  'validateData',
  'rankResults',
  'createReport',
  'createDecision',
  'remindLateUnits',
  'adminState',
  'adminRun',
];

function newestSource(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const bundle = path.join(scorerDir, 'Code.js');
  const sources = Math.max(
    newestSource(path.join(root, 'src/gas')),
    newestSource(path.join(root, 'src/core')),
    newestSource(path.join(root, 'src/ui')),
    fs.statSync(path.join(root, 'appsscript.scorer.json')).mtimeMs,
  );
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sources) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  }
}, 120_000);

/** The built bundle's own top-level functions (what Apps Script can call by name). */
function topLevelFunctions(file: string): string[] {
  const context: Record<string, unknown> = {};
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: path.basename(file) });
  return Object.keys(context)
    .filter((k) => typeof context[k] === 'function')
    .sort();
}

/** SpreadsheetApp as `spreadsheets.currentonly` allows it: the active spreadsheet, never another file. */
function currentOnly(w: World): object {
  const real = w.fake.SpreadsheetApp as unknown as Record<string, unknown>;
  const refused = new Set(['openById', 'openByUrl', 'open', 'create']);
  return new Proxy(real, {
    get(target, prop) {
      if (typeof prop === 'string' && refused.has(prop)) {
        return () => {
          throw new Error(`Exception: spreadsheets.currentonly does not allow SpreadsheetApp.${prop}`);
        };
      }
      const v = target[prop as string];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The scorer bundle as Apps Script runs it in the unit file, for the current fake user. */
function loadScorerBundle(w: World) {
  const context: Record<string, unknown> = {
    Date,
    console,
    SpreadsheetApp: currentOnly(w),
    HtmlService: w.fake.HtmlService,
    Session: w.fake.Session,
    Logger: w.fake.Logger,
    // drive.file and the Advanced Drive Service v3 (appsscript.scorer.json): the evidence it uploads.
    Drive: w.fake.Drive,
    Utilities: w.fake.Utilities,
  };
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(scorerDir, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return (name: string, ...args: unknown[]) => {
    expect(typeof context[name]).toBe('function');
    return (context[name] as (...a: unknown[]) => unknown)(...args);
  };
}

/** The admin made the master, bound the scorer bundle to it (Extensions › Apps Script, clasp push), generated the files. */
function boundYear(): { w: World; masterId: string } {
  const w = newWorld();
  sampleControl(w);
  createScorerMaster(w.env);
  const master = new Store(w.env).getJson<ScorerMasterRecord>(SCORER_MASTER_KEY)!;
  w.fake.drive.bindScript(master.id, BOUND);
  return { w, masterId: master.id };
}

describe('The scorer bundle (build/scorer)', () => {
  it('holds the scorer functions only: no admin function', () => {
    const names = topLevelFunctions(path.join(scorerDir, 'Code.js'));
    expect(names).toEqual([...SCORER_GLOBALS].sort());
    for (const n of ADMIN_GLOBALS) expect(names).not.toContain(n);
    // Nor any admin code inside: esbuild keeps function names, and these are the admin steps'.
    const text = fs.readFileSync(path.join(scorerDir, 'Code.js'), 'utf8');
    const adminCode =
      /function (adminRun|adminState|runTemplatesChunk|runAssessChunk|setupControl|createDocumentFile|createScorerMaster)\(/g;
    expect(text.match(adminCode)).toBeNull();
    expect(fs.readFileSync(path.join(root, 'build/addon/Code.js'), 'utf8').match(adminCode)!.length).toBeGreaterThanOrEqual(7);
    // The add-on's bundle has both (the appraiser and the admin use it).
    const addon = topLevelFunctions(path.join(root, 'build/addon/Code.js'));
    for (const n of [...SCORER_GLOBALS, ...ADMIN_GLOBALS]) expect(addon).toContain(n);
  });

  it('asks for no admin scope; drive.file and the Drive service (v3) only for the evidence it uploads', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(scorerDir, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
      dependencies?: unknown;
    };
    expect(manifest.oauthScopes.sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
        // Only the files the script creates: the unit's evidence folder and what is uploaded into it.
        'https://www.googleapis.com/auth/drive.file',
      ].sort(),
    );
    for (const s of manifest.oauthScopes) expect(s).not.toMatch(/\/(drive|documents|spreadsheets)(\.readonly)?$/);
    expect(manifest.dependencies).toEqual({ enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] });
    // Under currentonly only the active spreadsheet may be opened: the bundle never opens another,
    // and on Drive it creates, lists its own folder and shares it (no copy, update, no other file).
    const code = fs.readFileSync(path.join(scorerDir, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/openById|openByUrl|Files\.copy|Files\.update|DriveApp/);
    expect([...new Set(code.match(/Drive\.(Files|Permissions)\.\w+/g))].sort()).toEqual([
      'Drive.Files.create',
      'Drive.Files.list',
      'Drive.Permissions.create',
      'Drive.Permissions.list',
    ]);
    // The reminders' e-mails are the admin add-on's (script.send_mail): the scorer bundle sends none.
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(fs.readFileSync(path.join(scorerDir, 'Code.js'), 'utf8')).not.toMatch(/sendEmail|getRemainingDailyQuota/);
    // Each project's folder holds exactly what clasp must push.
    expect(fs.readdirSync(scorerDir).sort()).toEqual(['Code.js', 'appsscript.json', 'scorer.html']);
    expect(fs.readdirSync(path.join(root, 'build/addon')).sort()).toEqual(['Code.js', 'admin.html', 'appsscript.json', 'scorer.html']);
  });
});

describe('A scorer with nothing installed opens the unit file', () => {
  it('every unit file copied from the bound master carries the scorer script', () => {
    const { w, masterId } = boundYear();
    const last = generate(w).at(-1)!;
    expect(last.message).toMatch(/^33\/33 đơn vị đã có biểu mẫu\.$/); // no warning: the files carry the script
    const files = unitFiles(w);
    expect(Object.keys(files)).toHaveLength(33);
    for (const f of Object.values(files)) expect(w.fake.drive.boundScript(f.id)).toBe(BOUND);
    // The master itself was copied (Files.copy under drive.file: a file the add-on created), never edited.
    expect(w.fake.drive.item(masterId)!.trashed).toBe(false);
    expect(w.fake.spreadsheetById(masterId)!.sheetNames).not.toContain(SHEETS.scoring);
  });

  it('onOpen in AuthMode.LIMITED shows «DVCQ › Mở biểu chấm điểm»; the sidebar loads, saves and submits through the scorer bundle', () => {
    const { w } = boundYear();
    generate(w);
    const fileId = unitFiles(w)[UNIT].id;
    // The scorer: another user, editor of this one file, nothing installed.
    w.fake.setUser(SCORER);
    w.fake.setActiveSpreadsheet(fileId);
    expect(w.fake.drive.item(fileId)!.editors).toContain(SCORER);
    expect(w.fake.drive.item(fileId)!.owner).toBe(ADMIN);
    w.fake.setHtmlFile('scorer', fs.readFileSync(path.join(scorerDir, 'scorer.html'), 'utf8'));
    const call = loadScorerBundle(w);

    const before = w.fake.calls.snapshot();
    call('onOpen', { authMode: 'LIMITED' });
    const menu = w.fake.ui.menus.find((m) => m.kind === 'menu' && m.title === 'DVCQ')!;
    expect(menu.items).toEqual([{ caption: 'Mở biểu chấm điểm', functionName: 'openScorerSidebar' }]);
    // A simple trigger in LIMITED mode touched only the menu (nothing that needs authorisation).
    expect(Object.keys(w.fake.calls.since(before).byMethod).sort()).toEqual([
      'Menu.addItem',
      'Menu.addToUi',
      'SpreadsheetApp.getUi',
      'Ui.createMenu',
    ]);

    call('openScorerSidebar');
    const sidebar = w.fake.ui.sidebars.at(-1)!;
    expect(sidebar.title).toBe('Biểu chấm điểm DVCQ');
    expect(sidebar.user).toBe(SCORER);
    expect(sidebar.html).toContain('scorerState');

    let state = call('scorerState') as ScorerState;
    expect(state.unit.code).toBe(UNIT);
    expect(state.canAppraise).toBe(false);
    expect(state.status).toBe('Đang chấm');
    for (const c of state.criteria.filter((x) => x.leaf && x.kind === 'score')) {
      state = call('scorerSave', c.code, 'self', String(c.max).replace('.', ',')) as ScorerState;
      state = call('scorerSave', c.code, 'evidence', `Văn bản ${c.code}`) as ScorerState;
    }
    const leaf = state.criteria.find((c) => c.leaf && c.kind === 'score')!;
    expect(state.entries[leaf.code].self).toBe(String(leaf.max).replace('.', ','));
    // The value is in the sheet, as typed (a number).
    const values = w.fake.spreadsheetById(fileId)!.sheet(SHEETS.scoring).values();
    expect(values.some((r) => r.includes(leaf.code) && r.includes(leaf.max))).toBe(true);

    // A file attached: in the scorer's own folder, read by the administrator, its link in Minh chứng.
    state = call('scorerAttachEvidence', {
      code: leaf.code,
      name: 'Kế hoạch.pdf',
      base64: Buffer.from('%PDF-1.4').toString('base64'),
    }) as ScorerState;
    const folder = w.fake.drive.list().find((x) => x.kind === 'folder' && x.name.startsWith('Minh chứng – '))!;
    expect([folder.owner, folder.viewers]).toEqual([SCORER, [ADMIN]]);
    const [pdf] = w.fake.drive.children(folder.id);
    expect(state.entries[leaf.code].evidence).toMatch(new RegExp(`^Văn bản ${leaf.code.replace(/\./g, '\\.')}\n\\S+${pdf.id}`));

    const submitted = call('scorerSubmit') as ScorerState;
    expect(submitted.status).toBe('Đã nộp');
    expect(submitted.submittedBy).toBe(SCORER);
    // A save after the submission is refused in Vietnamese (the sidebar shows the message).
    expect(() => call('scorerSave', leaf.code, 'self', '0')).toThrow(/Đơn vị đã nộp kết quả nên không sửa được điểm/);
  });

  it('the add-on’s admin functions called in a unit file refuse politely, in Vietnamese', () => {
    const { w } = boundYear();
    generate(w);
    const fileId = unitFiles(w)[UNIT].id;
    w.fake.setActiveSpreadsheet(fileId); // the administrator, in a unit file, with the add-on
    const context: Record<string, unknown> = { Date, console };
    w.fake.installGlobals(context);
    vm.createContext(context);
    vm.runInContext(fs.readFileSync(path.join(root, 'build/addon/Code.js'), 'utf8'), context, { filename: 'Code.js' });
    const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
    const sheetsBefore = w.fake.spreadsheetById(fileId)!.sheetNames;
    for (const [fn, title] of [
      ['generateTemplates', 'Tạo biểu mẫu chấm điểm'],
      ['rankResults', 'Tổng hợp & xếp hạng'],
      ['createScorerMasterFile', 'Tạo bản gốc biểu chấm điểm'],
      ['setupControl', 'Thiết lập bảng điều khiển'],
    ]) {
      call(fn);
      const a = w.fake.ui.alerts.at(-1)!;
      expect(a.title).toBe(title);
      expect(a.prompt).toContain(UNIT_FILE_NOT_CONTROL);
    }
    expect(() => call('adminState')).toThrow(UNIT_FILE_NOT_CONTROL);
    // Nothing was written into the unit file.
    expect(w.fake.spreadsheetById(fileId)!.sheetNames).toEqual([...sheetsBefore]);
  });
});

describe('The administrator’s master carrying the scorer script', () => {
  it('is made once by the add-on (a file it created, so it may copy it under drive.file), with the steps to bind the script', () => {
    const w = newWorld();
    sampleControl(w);
    const text = createScorerMaster(w.env);
    expect(text).toMatch(/^Đã tạo bản gốc biểu chấm điểm\./);
    expect(text).toContain('Tiện ích mở rộng › Apps Script');
    expect(text).toContain('npm run deploy:prod');
    const r = new Store(w.env).getJson<ScorerMasterRecord>(SCORER_MASTER_KEY)!;
    expect(text).toContain(r.url);
    expect(w.fake.drive.path(r.id)).toBe('My Drive/DVCQ - Bản gốc biểu chấm điểm (gắn mã chấm điểm)');
    // Run again: the same file, and where it is.
    expect(createScorerMaster(w.env)).toMatch(/^Bản gốc biểu chấm điểm đã có\./);
    expect(w.fake.drive.list().filter((i) => i.name.startsWith('DVCQ - Bản gốc'))).toHaveLength(1);
  });

  it('without one, the templates step says in Vietnamese that the files carry no scorer menu', () => {
    const w = newWorld();
    sampleControl(w);
    const last = generate(w).at(-1)!;
    expect(last.message).toMatch(
      /^33\/33 đơn vị đã có biểu mẫu\. Lưu ý: các biểu mẫu vừa tạo không có menu «DVCQ › Mở biểu chấm điểm» vì chưa cấu hình/,
    );
    expect(last.message).toContain('«Tạo bản gốc biểu chấm điểm»');
    for (const f of Object.values(unitFiles(w))) expect(w.fake.drive.boundScript(f.id)).toBeUndefined();
  });

  it('a master deleted after configuration is said, and a master configured later is used from then on', () => {
    const { w, masterId } = boundYear();
    w.fake.drive.trash(masterId);
    const first = generate(w).at(-1)!;
    expect(first.message).toContain('bản gốc mang mã chấm điểm đã cấu hình không còn (đã xóa hoặc trong Thùng rác)');
    // The administrator makes a new one and binds the script: the per-rubric masters are rebuilt
    // from it, so a file made afterwards carries the script.
    asAdmin(w);
    expect(createScorerMaster(w.env)).toMatch(/^Bản gốc cũ không còn/);
    const fresh = new Store(w.env).getJson<ScorerMasterRecord>(SCORER_MASTER_KEY)!;
    w.fake.drive.bindScript(fresh.id, BOUND);
    const old = unitFiles(w)[UNIT];
    w.fake.drive.trash(old.id);
    // «Tạo lại» asks for a new file for this unit.
    const units = w.fake.spreadsheetById(w.controlId)!.sheet(SHEETS.units).values();
    const statusCol = units[0].indexOf('Trạng thái');
    const row = units.findIndex((r) => r[0] === UNIT);
    w.fake
      .spreadsheetById(w.controlId)!
      .sheet(SHEETS.units)
      .set(`${String.fromCharCode(65 + statusCol)}${row + 1}`, 'Tạo lại');
    const again = generate(w).at(-1)!;
    expect(again.message).not.toContain('Lưu ý');
    const renewed = unitFiles(w)[UNIT];
    expect(renewed.id).not.toBe(old.id);
    expect(w.fake.drive.boundScript(renewed.id)).toBe(BOUND);
  });
});
