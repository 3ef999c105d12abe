// Looking up a unit's file: the record remembered in DocumentProperties, or the id in `Liên kết`.
import type { Unit } from '../core/types';
import { driveIdOf } from '../core/gas-support';
import { FileRecord, Store } from './store';

export function fileRecord(store: Store, year: number, unit: Unit): FileRecord | null {
  const rec = store.fileRecord(year, unit.code);
  if (rec) return rec;
  const id = driveIdOf(unit.link);
  return id ? { id, url: unit.link, gid: null, state: 'ok' } : null;
}

export const unitLabel = (u: Pick<Unit, 'code' | 'name'>) => `${u.name} (${u.code})`;
