// The year's Drive folders: "Dân vận chính quyền <năm>" and one sub-folder per group (Nhóm).
// Ids are remembered in DocumentProperties (and the root's in `Cấu hình`/`Thư mục Drive`).
import type { Grid } from '../core/types';
import type { Settings } from '../core/config';
import { safeFileName } from '../core/gas-support';
import { yearFolderName } from '../core/years';
import type { GSpreadsheet } from './services';
import type { Env } from './env';
import { KEYS, Store } from './store';
import { setConfigValue, withLock } from './control-io';
import { createFolder, DriveEntry, filesWithIdentity, liveFolder } from './drive';
import { groupFolderIdentity, hasIdentity, IdentifiedFile } from '../core/file-identity';

export const rootFolderName = yearFolderName;

/**
 * The year's root folder, if it exists (never creates): the one remembered for this year, else the
 * one in `Cấu hình`/`Thư mục Drive` when it is this year's (that cell still holds last year's id
 * after `Năm` changes: a new year gets its own folder).
 */
export function findRootFolder(env: Env, store: Store, settings: Settings): DriveEntry | null {
  const remembered = liveFolder(env, store.get(KEYS.folder(settings.year)));
  if (remembered) return remembered;
  const typed = liveFolder(env, settings.driveFolderId || null);
  return typed && typed.name === rootFolderName(settings.year) ? typed : null;
}

/** The year's root folder, created (and remembered) when missing. */
export function ensureRootFolder(env: Env, store: Store, settings: Settings, ss: GSpreadsheet, configGrid: Grid | undefined): DriveEntry {
  const known = findRootFolder(env, store, settings);
  if (known) {
    if (store.get(KEYS.folder(settings.year)) !== known.id) store.set(KEYS.folder(settings.year), known.id);
    return known;
  }
  const folder = createFolder(env, rootFolderName(settings.year));
  const id = folder.id;
  store.set(KEYS.folder(settings.year), id);
  withLock(env, () => setConfigValue(ss, configGrid, 'driveFolderId', id));
  return folder;
}

/** Group sub-folders (their ids), looked up once per run. */
export class GroupFolders {
  private cache = new Map<string, string>();
  constructor(
    private env: Env,
    private store: Store,
    private year: number,
    private root: DriveEntry,
  ) {}

  /** Id of the group's folder (the root for a unit without a group), created when missing. */
  get(group: string): string {
    const name = group.trim();
    if (!name) return this.root.id;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const key = KEYS.group(this.year, name);
    let id = liveFolder(this.env, this.store.get(key))?.id ?? this.foundOnDrive(name);
    if (!id) {
      // Created with its identity: a run killed before remembering it finds it (foundOnDrive).
      id = createFolder(this.env, safeFileName(name), this.root.id, groupFolderIdentity(this.year, name)).id;
    }
    if (this.store.get(key) !== id) this.store.set(key, id);
    this.cache.set(name, id);
    return id;
  }

  /** The group's folder made by a run that stopped before remembering it (one Files.list per chunk). */
  private foundOnDrive(name: string): string | undefined {
    this.listed ??= filesWithIdentity(this.env, this.root.id, this.year);
    const want = groupFolderIdentity(this.year, name);
    return this.listed.find((f) => hasIdentity(f.properties, want))?.id;
  }
  private listed: IdentifiedFile[] | undefined;
}
