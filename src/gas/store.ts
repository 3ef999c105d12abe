// What the add-on remembers between runs, in the control spreadsheet's DocumentProperties:
// Drive ids (year folder, group folders, master templates, unit files, documents) and job cursors.
// All properties are read once per run (one call); every change is written at once (one call).
//
// The store is limited (9 KB per value, 500 KB in all: https://developers.google.com/apps-script/guides/services/quotas),
// so it holds little per unit and is pruned: a unit file's record is about 90 bytes (its id, the
// sheet id, a short tag of the address it was shared with), and the records of years older than
// the previous one are deleted by the templates job (pruneOldYears). The unit files themselves
// carry their identity on Drive (core/file-identity.ts): a lost record is found again there.
import type { GProperties } from './services';
import type { Env } from './env';
import type { DocKind } from '../core/report-model';
import { emailTag } from '../core/sharing';
import { utf8Bytes } from '../core/file-identity';
import { withLock } from './control-io';

/** A unit file: its id, the sheet id of `Chấm điểm` (for links) and whether its set-up finished. */
export interface FileRecord {
  id: string;
  url: string;
  gid: number | null;
  /** 'pending': copied but not yet personalised/shared (finished on the next run, never re-copied). */
  state: 'pending' | 'ok';
  /**
   * The e-mail the file was shared with, or its tag (core/sharing.ts emailTag); '' when it could not
   * be (no or invalid address, refused by Google): shared again on the next run, as when the unit's
   * e-mail changes. Absent in records made before this was remembered (taken as shared with the
   * unit's e-mail of that time).
   */
  sharedWith?: string;
}

/** The link Drive gives a spreadsheet (webViewLink): not stored when the record's url is this one. */
const usualUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`;

/**
 * A file record as stored: `[id, gid, sharedWith-tag]`, plus the url when it is not the usual one.
 * Only finished records are stored ('pending' is no longer written: the file's identity on Drive
 * replaces it).
 */
export function encodeFileRecord(r: FileRecord): string {
  const shared =
    r.sharedWith === undefined ? null : r.sharedWith === '' || r.sharedWith.startsWith('#') ? r.sharedWith : emailTag(r.sharedWith);
  const out: Array<string | number | null> = [r.id, r.gid, shared];
  if (r.url !== usualUrl(r.id)) out.push(r.url);
  return JSON.stringify(out);
}

/** A stored record, in the compact form or as older versions wrote it (a JSON object). */
export function decodeFileRecord(text: string | null): FileRecord | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (Array.isArray(v)) {
    const [id, gid, shared, url] = v as [unknown, unknown, unknown, unknown];
    if (typeof id !== 'string' || !id) return null;
    return {
      id,
      url: typeof url === 'string' ? url : usualUrl(id),
      gid: typeof gid === 'number' ? gid : null,
      state: 'ok',
      ...(typeof shared === 'string' ? { sharedWith: shared } : {}),
    };
  }
  const o = v as Partial<FileRecord> | null;
  return o && typeof o.id === 'string' && o.id ? (o as FileRecord) : null;
}

export interface MasterRecord {
  id: string;
  gid: number | null;
  /** Copied from the administrator's master, so it carries the scorer's bound script (scorer-master.ts). */
  scorerScript?: boolean;
}

const PREFIX = 'dvcq:';
export const KEYS = {
  folder: (year: number) => `${PREFIX}folder:${year}`,
  group: (year: number, group: string) => `${PREFIX}group:${year}:${group}`,
  master: (year: number, fingerprint: string) => `${PREFIX}master:${year}:${fingerprint}`,
  file: (year: number, code: string) => `${PREFIX}file:${year}:${code}`,
  cursor: (step: string) => `${PREFIX}cursor:${step}`,
  doc: (year: number, kind: DocKind) => `${PREFIX}doc:${year}:${kind}`,
  /** A document copied but not yet filled and named (trashed by the next run). */
  pendingDoc: (year: number, kind: DocKind) => `${PREFIX}pending-doc:${year}:${kind}`,
  template: (kind: DocKind) => `${PREFIX}template:${kind}`,
  last: (step: string) => `${PREFIX}last:${step}`,
};

/** Keys kept per year that grow with the units or groups: deleted once their year is old (see pruneOldYears). */
const YEARLY = /^dvcq:(file|master|group):(\d{4}):/;

/**
 * Delete the per-unit (and per-group, per-master) records of years before `year - 1` in one write
 * of the whole store (never one call per record), and read it back. Returns how many were deleted.
 */
export function pruneOldYears(store: Store, year: number): number {
  const old = store.keys().filter((key) => {
    const m = YEARLY.exec(key);
    return m !== null && Number(m[2]) < year - 1;
  });
  store.deleteMany(old);
  return old.length;
}

export class Store {
  private cache: Record<string, string> | null = null;
  private props: GProperties | null = null;

  constructor(private readonly env: Env) {}

  private properties(): GProperties {
    if (!this.props) this.props = this.env.gas.PropertiesService.getDocumentProperties();
    return this.props;
  }

  private all(): Record<string, string> {
    if (!this.cache) this.cache = { ...(this.properties().getProperties() as Record<string, string>) };
    return this.cache;
  }

  get(key: string): string | null {
    const v = this.all()[key];
    return v === undefined || v === '' ? null : v;
  }

  set(key: string, value: string): void {
    this.properties().setProperty(key, value);
    this.all()[key] = value;
  }

  delete(key: string): void {
    if (this.get(key) === null) return;
    this.properties().deleteProperty(key);
    delete this.all()[key];
  }

  /**
   * Delete `keys` with one call: Properties.setProperties(properties, deleteAllOthers = true) keeps
   * exactly the properties given ("optionally deleting all other properties in the store",
   * developers.google.com/apps-script/reference/properties/properties#setproperties(object,boolean)).
   * Under the document lock, so no other run of the add-on writes in between; then read back, so a
   * store that kept a deleted key is told rather than trusted.
   */
  deleteMany(keys: string[]): void {
    if (!keys.length) return;
    const gone = new Set(keys);
    const kept = Object.fromEntries(Object.entries(this.all()).filter(([k]) => !gone.has(k)));
    withLock(this.env, () => this.properties().setProperties(kept, true));
    this.cache = { ...(this.properties().getProperties() as Record<string, string>) };
    const left = keys.filter((k) => k in this.cache!);
    if (left.length) throw new Error(`Properties.setProperties(…, true) kept ${left.length} deleted keys (${left[0]}…)`);
  }

  /** Every key (from the one read of all properties). */
  keys(): string[] {
    return Object.keys(this.all());
  }

  /** Bytes the store holds (keys and values, UTF-8), as Google counts them against its 500 KB. */
  bytes(): number {
    let n = 0;
    for (const [k, v] of Object.entries(this.all())) n += utf8Bytes(k) + utf8Bytes(v);
    return n;
  }

  fileRecord(year: number, code: string): FileRecord | null {
    return decodeFileRecord(this.get(KEYS.file(year, code)));
  }

  setFileRecord(year: number, code: string, record: FileRecord): void {
    const key = KEYS.file(year, code);
    const text = encodeFileRecord(record);
    if (this.get(key) !== text) this.set(key, text);
  }

  getJson<T>(key: string): T | null {
    const v = this.get(key);
    if (v === null) return null;
    try {
      return JSON.parse(v) as T;
    } catch {
      return null;
    }
  }

  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }
}
