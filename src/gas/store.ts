// What the add-on remembers between runs, in the control spreadsheet's DocumentProperties:
// Drive ids (year folder, group folders, master templates, unit files, documents) and job cursors.
// All properties are read once per run (one call); every change is written at once (one call).
import type { GProperties } from './services';
import type { Env } from './env';
import type { DocKind } from '../core/report-model';

/** A unit file: its id, the sheet id of `Chấm điểm` (for links) and whether its set-up finished. */
export interface FileRecord {
  id: string;
  url: string;
  gid: number | null;
  /** 'pending': copied but not yet personalised/shared (finished on the next run, never re-copied). */
  state: 'pending' | 'ok';
  /**
   * The e-mail the file was shared with; '' when it could not be (no or invalid address, refused
   * by Google): shared again on the next run, as when the unit's e-mail changes. Absent in records
   * made before this was remembered (taken as shared with the unit's e-mail of that time).
   */
  sharedWith?: string;
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
