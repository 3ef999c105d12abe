/** PropertiesService, LockService, Session, Utilities and Logger fakes. */
import type { GLock, GLockService, GLogger, GProperties, GPropertiesService, GSession, GUser, GUtilities } from '../../../src/gas/services';
import { FakeContext } from './context';
import { MSG, fail } from './errors';
import { makeUser } from './spreadsheet-extras';

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
  setProperty(key: string, value: string): GProperties {
    this.put([[String(key), String(value)]]);
    return this._self;
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(String(key));
    return this._self;
  }
  /** Properties.setProperties: with deleteAllOthers, every key not given is deleted (one call). */
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GProperties {
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [String(k), String(v)]);
    if (deleteAllOthers) {
      const keep = new Set(entries.map(([k]) => k));
      const old = new Map(this.store);
      for (const k of [...this.store.keys()]) if (!keep.has(k)) this.store.delete(k);
      try {
        this.put(entries);
      } catch (e) {
        for (const [k, v] of old) this.store.set(k, v);
        throw e;
      }
    } else this.put(entries);
    return this._self;
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
}

function storeIn(map: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Map<string, string>()));
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
}

// ---------------------------------------------------------------------------------------------
// Locks

export function lockKey(scope: 'document', ctx: FakeContext, key?: string): string {
  return `${scope}:${key ?? ctx.activeSpreadsheetId}`;
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
  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    if (!this.acquire()) fail(MSG.lockTimeout);
  }
  releaseLock(): void {
    const s = lockState(this.ctx, this.key);
    if (s.holder === this) s.holder = null;
  }
}

export class LockServiceFake implements GLockService {
  constructor(private readonly ctx: FakeContext) {}
  getDocumentLock(): GLock {
    // Apps Script returns null outside a document-bound context.
    if (!this.ctx.activeSpreadsheetId) return null as unknown as GLock;
    return this.ctx.wrap('Lock', new LockFake(this.ctx, lockKey('document', this.ctx)));
  }
}

// ---------------------------------------------------------------------------------------------
// Session, Utilities, Logger

export class SessionFake implements GSession {
  constructor(private readonly ctx: FakeContext) {}
  getActiveUser(): GUser {
    return makeUser(this.ctx, this.ctx.user);
  }
  /** The user whose authority the script runs under: here the same user (no web app "execute as"). */
  getEffectiveUser(): GUser {
    return makeUser(this.ctx, this.ctx.effectiveUser ?? this.ctx.user);
  }
}

export class UtilitiesFake implements GUtilities {
  constructor(private readonly ctx: FakeContext) {}
  sleep(milliseconds: number): void {
    this.ctx.sleptMs += Math.max(0, milliseconds);
  }
  /** Bytes as Apps Script gives them: signed (-128…127). Invalid base64 throws, as the real one does. */
  base64Decode(encoded: string, _charset?: unknown): GoogleAppsScript.Byte[] {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded.replace(/\s/g, ''))) throw new Error('Exception: Could not decode string.');
    const buf = Buffer.from(encoded, 'base64');
    return Array.from(new Int8Array(buf.buffer, buf.byteOffset, buf.length));
  }
  /** A blob holding a copy of the bytes, its content type and name (the methods Drive's media upload reads). */
  newBlob(data: GoogleAppsScript.Byte[], contentType: string, name: string): GoogleAppsScript.Base.Blob {
    return fakeBlob(Uint8Array.from(data), contentType, name); // ToUint8: -1 → 255
  }
}

/** A blob of the fake: bytes, content type, name. */
export function fakeBlob(bytes: Uint8Array, contentType: string, name: string): GoogleAppsScript.Base.Blob {
  const blob = {
    getBytes: () => Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)),
    getContentType: () => contentType,
    getName: () => name,
    copyBlob: () => fakeBlob(bytes, contentType, name),
  };
  return blob as unknown as GoogleAppsScript.Base.Blob;
}

export class LoggerFake implements GLogger {
  declare readonly _self: GLogger;
  constructor(private readonly ctx: FakeContext) {}
  log(data: unknown): GLogger {
    this.ctx.logs.push(typeof data === 'string' ? data : JSON.stringify(data));
    return this._self;
  }
}
