// The year's Drive folders: "Dân vận chính quyền <năm>" and one sub-folder per group (Nhóm).
// Ids are remembered in DocumentProperties (and the root's in `Cấu hình`/`Thư mục Drive`).
import type { Grid } from '../core/types';
import type { Settings } from '../core/config';
import { safeFileName } from '../core/gas-support';
import type { GFolder, GSpreadsheet } from './services';
import type { Env } from './env';
import { KEYS, Store } from './store';
import { setConfigValue, withLock } from './control-io';

export const rootFolderName = (year: number) => `Dân vận chính quyền ${year}`;

function liveFolder(env: Env, id: string | null): GFolder | null {
  if (!id) return null;
  try {
    const f = env.gas.DriveApp.getFolderById(id);
    return f.isTrashed() ? null : f;
  } catch {
    return null;
  }
}

/** The year's root folder, if it exists (never creates). */
export function findRootFolder(env: Env, store: Store, settings: Settings): GFolder | null {
  return liveFolder(env, store.get(KEYS.folder(settings.year))) ?? liveFolder(env, settings.driveFolderId || null);
}

/** The year's root folder, created (and remembered) when missing. */
export function ensureRootFolder(env: Env, store: Store, settings: Settings, ss: GSpreadsheet, configGrid: Grid | undefined): GFolder {
  const known = findRootFolder(env, store, settings);
  if (known) {
    const id = known.getId();
    if (store.get(KEYS.folder(settings.year)) !== id) store.set(KEYS.folder(settings.year), id);
    return known;
  }
  const folder = env.gas.DriveApp.createFolder(rootFolderName(settings.year));
  const id = folder.getId();
  store.set(KEYS.folder(settings.year), id);
  withLock(env, () => setConfigValue(ss, configGrid, 'driveFolderId', id));
  return folder;
}

/** Group sub-folders, looked up once per run. */
export class GroupFolders {
  private cache = new Map<string, GFolder>();
  constructor(private env: Env, private store: Store, private year: number, private root: GFolder) {}

  get(group: string): GFolder {
    const name = group.trim();
    if (!name) return this.root;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const key = KEYS.group(this.year, name);
    let folder = liveFolder(this.env, this.store.get(key));
    if (!folder) {
      folder = this.root.createFolder(safeFileName(name));
      this.store.set(key, folder.getId());
    }
    this.cache.set(name, folder);
    return folder;
  }
}
