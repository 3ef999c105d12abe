// The administrator's master unit spreadsheet that carries the scorer's bound script (the scorer
// bundle, build/scorer). Every unit file is a copy of a per-rubric master, and that master is a
// copy of this one, so each unit file opens with «DVCQ › Mở biểu chấm điểm» for its scorer with
// nothing installed: copying a spreadsheet copies its bound script (Apps Script guide
// "Container-bound scripts"; assumed for the Drive API's Files.copy too, see docs/TRIEN-KHAI.md).
//
// Least privilege: the add-on creates this file itself (Files.create), so under `drive.file` it
// may copy it later; the administrator then binds the script to it by hand (Extensions › Apps
// Script — clasp cannot create a bound script, the same guide says) and `npm run deploy:*` pushes
// the scorer bundle to that script id. The add-on needs no Apps Script API scope, no Picker.
import type { Env } from './env';
import { UserError } from './errors';
import { Store } from './store';
import { controlSpreadsheet } from './control-io';
import { copyFile, createSpreadsheetFile, fileState } from './drive';
import type { GSpreadsheet } from './services';

/** Where the master is remembered: the control spreadsheet's document properties. */
export const SCORER_MASTER_KEY = 'dvcq:scorer-master';
export const SCORER_MASTER_NAME = 'DVCQ - Bản gốc biểu chấm điểm (gắn mã chấm điểm)';

export interface ScorerMasterRecord {
  id: string;
  url: string;
}

export type ScorerMasterState = { state: 'none' } | { state: 'missing'; id: string } | { state: 'ok'; id: string; url: string };

/** The configured master and whether it still exists (one Drive call when one is configured). */
export function scorerMaster(env: Env, store: Store): ScorerMasterState {
  const r = store.getJson<ScorerMasterRecord>(SCORER_MASTER_KEY);
  if (!r || !r.id) return { state: 'none' };
  const f = fileState(env, r.id);
  return f.state === 'ok' ? { state: 'ok', id: r.id, url: f.file.url } : { state: 'missing', id: r.id };
}

/**
 * A new spreadsheet `name` in `folderId` for a per-rubric master: a copy of the configured master
 * (it brings the scorer's bound script along), else a blank one. `scorerScript` says which.
 */
export function masterSpreadsheet(
  env: Env,
  store: Store,
  name: string,
  folderId: string,
  identity?: Record<string, string>,
): { ss: GSpreadsheet; scorerScript: boolean } {
  const m = scorerMaster(env, store);
  if (m.state !== 'ok') return { ss: createSpreadsheetFile(env, name, folderId, identity), scorerScript: false };
  const copy = copyFile(env, m.id, name, folderId, identity);
  return { ss: env.gas.SpreadsheetApp.openById(copy.id), scorerScript: true };
}

/** What the templates step says when it copied files from a master without the scorer's script. */
export function unboundNote(state: ScorerMasterState): string {
  const why =
    state.state === 'missing'
      ? 'bản gốc mang mã chấm điểm đã cấu hình không còn (đã xóa hoặc trong Thùng rác)'
      : 'chưa cấu hình bản gốc mang mã chấm điểm';
  return (
    `Lưu ý: các biểu mẫu vừa tạo không có menu «DVCQ › Mở biểu chấm điểm» vì ${why}; ` +
    'người chấm chỉ mở được thanh bên chấm điểm nếu đã cài tiện ích DVCQ. ' +
    'Để cấu hình: menu DVCQ › «Tạo bản gốc biểu chấm điểm» (hướng dẫn trong docs/TRIEN-KHAI.md).'
  );
}

/** The steps the administrator follows once, after the add-on made the master. */
export function bindSteps(url: string): string {
  return [
    `1. Mở tệp: ${url}`,
    '2. Trong tệp đó chọn Tiện ích mở rộng › Apps Script: Google tạo dự án mã gắn với tệp.',
    '3. Trong Apps Script chọn Cài đặt dự án (biểu tượng bánh răng), chép «Mã tập lệnh» (Script ID) vào trường scriptId của .clasp-prod-scorer.json (hoặc .clasp-dev-scorer.json).',
    '4. Trên máy tính có mã nguồn, chạy: npm run deploy:prod (hoặc deploy:dev); không có máy đó thì dán các tệp của build/scorer vào trình soạn thảo (docs/TRIEN-KHAI.md, mục 2).',
    '5. Mở lại tệp: menu «DVCQ › Mở biểu chấm điểm» xuất hiện. Từ đó mọi biểu mẫu mới đều mang menu này.',
    'Không sửa nội dung tệp bản gốc; các biểu mẫu đã tạo trước đó không có menu (dùng «Tạo lại» trong «Trạng thái» nếu cần).',
  ].join('\n');
}

/**
 * «Tạo bản gốc biểu chấm điểm» (admin menu, in the control spreadsheet only): the master is made
 * once, in My Drive ('root' is the Drive API's alias of My Drive), and remembered; run again, it
 * says where it is. Returns the text of the alert.
 */
export function createScorerMaster(env: Env): string {
  controlSpreadsheet(env); // refuses a unit file
  const store = new Store(env);
  const m = scorerMaster(env, store);
  if (m.state === 'ok') return `Bản gốc biểu chấm điểm đã có.\n\n${bindSteps(m.url)}`;
  const ss = createSpreadsheetFile(env, SCORER_MASTER_NAME, 'root');
  const url = ss.getUrl();
  if (!url) throw new UserError('Google không trả về đường dẫn của tệp bản gốc vừa tạo; hãy chạy lại.');
  store.setJson(SCORER_MASTER_KEY, { id: ss.getId(), url } satisfies ScorerMasterRecord);
  const before =
    m.state === 'missing' ? 'Bản gốc cũ không còn (đã xóa hoặc trong Thùng rác); đã tạo bản gốc mới.' : 'Đã tạo bản gốc biểu chấm điểm.';
  return `${before}\n\n${bindSteps(url)}`;
}
