/** PropertiesService, LockService, Session, Utilities and Logger fakes. */
import type { GLock, GLockService, GLogger, GProperties, GPropertiesService, GSession, GUser, GUtilities } from '../../../src/gas/services';
import { FakeContext } from './context';
import { MSG, fail } from './errors';
import { makeUser } from './spreadsheet-extras';
import { formatDate } from './values';

// ---------------------------------------------------------------------------------------------
// Properties

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

function storeBytes(store: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of store) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

class PropertiesFake implements GProperties {
  declare readonly _self: GProperties;
  constructor(private readonly store: Map<string, string>) {}

  private put(entries: [string, string][]): void {
    const next = new Map(this.store);
    for (const [k, v] of entries) {
      if (Buffer.byteLength(v) > MAX_VALUE_BYTES) fail('Argument too large: value');
      next.set(k, v);
    }
    if (storeBytes(next) > MAX_STORE_BYTES)
      fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    for (const [k, v] of entries) this.store.set(k, v);
  }
  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GProperties {
    this.put([[String(key), String(value)]]);
    return this._self;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    if (deleteAllOthers) this.store.clear();
    this.put(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    return this._self;
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(String(key));
    return this._self;
  }
  deleteAllProperties(): GProperties {
    this.store.clear();
    return this._self;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
}

function storeIn(map: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Map()));
  return s;
}

export class PropertiesServiceFake implements GPropertiesService {
  constructor(private readonly ctx: FakeContext) {}
  getDocumentProperties(): GProperties {
    const id = this.ctx.activeSpreadsheetId;
    // Apps Script returns null outside a document-bound context.
    if (!id) return null as unknown as GProperties;
    return this.ctx.wrap('Properties', new PropertiesFake(storeIn(this.ctx.documentProps, id)));
  }
  getScriptProperties(): GProperties {
    return this.ctx.wrap('Properties', new PropertiesFake(this.ctx.scriptProps));
  }
  getUserProperties(): GProperties {
    return this.ctx.wrap('Properties', new PropertiesFake(storeIn(this.ctx.userProps, this.ctx.user)));
  }
}

// ---------------------------------------------------------------------------------------------
// Locks

export function lockKey(scope: 'document' | 'script' | 'user', ctx: FakeContext, key?: string): string {
  if (scope === 'document') return `document:${key ?? ctx.activeSpreadsheetId}`;
  if (scope === 'user') return `user:${key ?? ctx.user}`;
  return 'script';
}

export function lockState(ctx: FakeContext, key: string) {
  let s = ctx.locks.get(key);
  if (!s) ctx.locks.set(key, (s = { holder: null, acquisitions: 0 }));
  return s;
}

class LockFake implements GLock {
  constructor(
    private readonly ctx: FakeContext,
    private readonly key: string,
  ) {}
  private acquire(): boolean {
    const s = lockState(this.ctx, this.key);
    if (s.holder === this) return true;
    if (s.holder !== null) return false;
    s.holder = this;
    s.acquisitions++;
    return true;
  }
  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    return this.acquire();
  }
  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    if (!this.acquire()) fail(MSG.lockTimeout);
  }
  releaseLock(): void {
    const s = lockState(this.ctx, this.key);
    if (s.holder === this) s.holder = null;
  }
  hasLock(): boolean {
    return lockState(this.ctx, this.key).holder === this;
  }
}

export class LockServiceFake implements GLockService {
  constructor(private readonly ctx: FakeContext) {}
  getDocumentLock(): GLock {
    // Apps Script returns null outside a document-bound context.
    if (!this.ctx.activeSpreadsheetId) return null as unknown as GLock;
    return this.ctx.wrap('Lock', new LockFake(this.ctx, lockKey('document', this.ctx)));
  }
  getScriptLock(): GLock {
    return this.ctx.wrap('Lock', new LockFake(this.ctx, lockKey('script', this.ctx)));
  }
  getUserLock(): GLock {
    return this.ctx.wrap('Lock', new LockFake(this.ctx, lockKey('user', this.ctx)));
  }
}

// ---------------------------------------------------------------------------------------------
// Session, Utilities, Logger

export class SessionFake implements GSession {
  constructor(private readonly ctx: FakeContext) {}
  getActiveUser(): GUser {
    return makeUser(this.ctx, this.ctx.user);
  }
  getEffectiveUser(): GUser {
    return makeUser(this.ctx, this.ctx.effectiveUser ?? this.ctx.user);
  }
  getScriptTimeZone(): string {
    return this.ctx.timeZone;
  }
  getActiveUserLocale(): string {
    return 'vi';
  }
}

export class UtilitiesFake implements GUtilities {
  constructor(private readonly ctx: FakeContext) {}
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatDate(date as unknown as Date, timeZone, format);
  }
  sleep(milliseconds: number): void {
    this.ctx.sleptMs += Math.max(0, milliseconds);
  }
  getUuid(): string {
    const n = this.ctx.nextSeq().toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }
}

export class LoggerFake implements GLogger {
  declare readonly _self: GLogger;
  constructor(private readonly ctx: FakeContext) {}
  log(format: unknown, ...values: unknown[]): GLogger {
    let s = typeof format === 'string' ? format : JSON.stringify(format);
    if (typeof format === 'string' && values.length) {
      let i = 0;
      s = s.replace(/%s|%d|%i|%f|%o|%O/g, () => String(values[i++]));
      if (i < values.length) s += ' ' + values.slice(i).map(String).join(' ');
    }
    this.ctx.logs.push(s);
    return this._self;
  }
}
