// Looking up a unit's file: the record remembered in DocumentProperties, or the id in `Liên kết`.
import type { Unit } from '../core/types';
import { driveIdOf } from '../core/gas-support';
import type { GFile } from './services';
import type { Env } from './env';
import { FileRecord, KEYS, Store } from './store';

export function fileRecord(store: Store, year: number, unit: Unit): FileRecord | null {
  const rec = store.getJson<FileRecord>(KEYS.file(year, unit.code));
  if (rec && rec.id) return rec;
  const id = driveIdOf(unit.link);
  return id ? { id, url: unit.link, gid: null, state: 'ok' } : null;
}

export type FileState = { state: 'ok'; file: GFile } | { state: 'trashed' } | { state: 'missing' };

/** Whether a Drive file still exists outside the trash (two calls). */
export function fileState(env: Env, id: string): FileState {
  try {
    const file = env.gas.DriveApp.getFileById(id);
    return file.isTrashed() ? { state: 'trashed' } : { state: 'ok', file };
  } catch {
    return { state: 'missing' };
  }
}

export const unitLabel = (u: Pick<Unit, 'code' | 'name'>) => `${u.name} (${u.code})`;
