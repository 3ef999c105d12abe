// Every Drive call of the add-on, in one place, through the Advanced Drive Service (Drive API v3,
// global `Drive`, enabled in appsscript.json). DriveApp is not used: its modifying methods
// (createFolder, makeCopy, addEditor, moveTo, setName…) need the full `drive` scope, while the
// Drive API works under `drive.file`, i.e. on the files the add-on created itself — which is why
// spreadsheets and documents are created here with Files.create, never with SpreadsheetApp.create
// or DocumentApp.create.
import type { Env } from './env';
import { isTransient } from './errors';
import type { GDocument, GDriveFile, GDriveFileList, GDrivePermissionList, GSpreadsheet } from './services';
import type { FilePermission, IdentifiedFile } from '../core/file-identity';
import { IDENTITY_KEYS } from '../core/file-identity';

export const DRIVE_MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
} as const;

/** A Drive file or folder as the add-on keeps it: id, name and the link shown to the user. */
export interface DriveEntry {
  id: string;
  name: string;
  url: string;
}

/** What Files.get asks for when checking a file (one call). */
const STATE_FIELDS = 'id,name,mimeType,trashed,webViewLink';
/** Files.list page size (the API maximum). */
const PAGE_SIZE = 1000;

export const folderUrl = (id: string) => `https://drive.google.com/drive/folders/${id}`;

/** A string literal of the Drive query language: quotes around, `\` and `'` escaped. */
export function queryString(s: string): string {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Whether a Drive API error says the file does not exist for this user. Drive answers 404 with
 * the message "File not found: <id>" (https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found_fileid)
 * for a deleted file, an unknown id, and — under `drive.file` — a file the add-on did not create;
 * Apps Script puts that message in the error it throws. `e.details.code` is not used: Apps Script
 * does not document it.
 */
export function isNotFound(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /file not found/i.test(message);
}

function entryOf(f: GDriveFile, fallbackName = ''): DriveEntry {
  const id = String(f.id ?? '');
  const url = f.mimeType === DRIVE_MIME.folder ? folderUrl(id) : f.webViewLink || `https://drive.google.com/open?id=${id}`;
  return { id, name: f.name ?? fallbackName, url };
}

// ---------------------------------------------------------------------------------------------
// Creating

/** A new folder (in My Drive when no parent is given), with its identity (appProperties) when given. One call. */
export function createFolder(env: Env, name: string, parentId?: string, identity?: Record<string, string>): DriveEntry {
  const f = env.gas.Drive.Files.create({
    name,
    mimeType: DRIVE_MIME.folder,
    ...(parentId ? { parents: [parentId] } : {}),
    ...(identity ? { appProperties: identity } : {}),
  });
  return { id: String(f.id), name: f.name ?? name, url: folderUrl(String(f.id)) };
}

/** A new, empty Google Sheets file in `parentId` (with its identity when given), opened (two calls). */
export function createSpreadsheetFile(env: Env, name: string, parentId: string, identity?: Record<string, string>): GSpreadsheet {
  const f = env.gas.Drive.Files.create({
    name,
    mimeType: DRIVE_MIME.spreadsheet,
    parents: [parentId],
    ...(identity ? { appProperties: identity } : {}),
  });
  return env.gas.SpreadsheetApp.openById(String(f.id));
}

/** A new, empty Google Docs file in `parentId`, opened (two calls). */
export function createDocumentFile(env: Env, name: string, parentId: string): GDocument {
  const f = env.gas.Drive.Files.create({ name, mimeType: DRIVE_MIME.document, parents: [parentId] });
  return env.gas.DocumentApp.openById(String(f.id));
}

/**
 * A copy of file `id` named `name` in folder `parentId`: its id and link, in one call. `identity`
 * is written on the copy in the same call (Files.copy applies the resource "with patch semantics",
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files/copy), so a copy whose
 * answer was lost can still be found (filesWithIdentity).
 */
export function copyFile(
  env: Env,
  id: string,
  name: string,
  parentId: string,
  identity?: Record<string, string>,
): { id: string; url: string } {
  const resource = { name, parents: [parentId], ...(identity ? { appProperties: identity } : {}) };
  const f = env.gas.Drive.Files.copy(resource, id, { fields: 'id,webViewLink' });
  const copyId = String(f.id);
  return { id: copyId, url: f.webViewLink || `https://drive.google.com/open?id=${copyId}` };
}

// ---------------------------------------------------------------------------------------------
// Reading

export type FileState = { state: 'ok'; file: DriveEntry } | { state: 'trashed' } | { state: 'missing' };

/**
 * Whether a Drive file still exists outside the trash (one call). Any error other than "not
 * found" (quota, network) is thrown: it must not be taken for a deleted file.
 */
export function fileState(env: Env, id: string): FileState {
  let f: GDriveFile;
  try {
    f = env.gas.Drive.Files.get(id, { fields: STATE_FIELDS });
  } catch (e) {
    if (isNotFound(e)) return { state: 'missing' };
    throw e;
  }
  return f.trashed ? { state: 'trashed' } : { state: 'ok', file: entryOf(f) };
}

/** The folder `id` if it exists, is a folder and is not in the trash (one call); else null. */
export function liveFolder(env: Env, id: string | null | undefined): DriveEntry | null {
  if (!id) return null;
  let f: GDriveFile;
  try {
    f = env.gas.Drive.Files.get(id, { fields: STATE_FIELDS });
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
  return !f.trashed && f.mimeType === DRIVE_MIME.folder ? entryOf(f) : null;
}

/** Wait before the one retry of a passing failure (Utilities.sleep, milliseconds). */
export const RETRY_AFTER_MS = 1000;

/** `fn()`, retried once after RETRY_AFTER_MS when it fails with a passing error (timeout, busy service). */
export function retryOnce<T>(env: Env, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isTransient(e)) throw e;
    env.gas.Utilities.sleep(RETRY_AFTER_MS);
    return fn();
  }
}

/**
 * Every file of one Files.list query, a call per page of PAGE_SIZE; a folder in the query that is
 * gone gives none (Drive answers «File not found»).
 */
function listAll(env: Env, query: { q: string; fields: string; orderBy?: string }): GDriveFile[] {
  const out: GDriveFile[] = [];
  let pageToken: string | undefined;
  try {
    do {
      const token = pageToken;
      const page: GDriveFileList = retryOnce(env, () =>
        env.gas.Drive.Files.list({ ...query, pageSize: PAGE_SIZE, ...(token ? { pageToken: token } : {}) }),
      );
      out.push(...(page.files ?? []).filter((f) => f.id));
      pageToken = page.nextPageToken || undefined;
    } while (pageToken);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  return out;
}

/**
 * Ids of the trashed files directly in the given folders: one folder-scoped search per folder and
 * page of 1,000 (a trashed spreadsheet still opens by id, so this is how a trashed unit file is
 * noticed), whatever the number of units. A folder that is gone ("not found") is skipped: its
 * files are reported as missing when opened. A passing failure is retried once; any other error
 * is thrown — not knowing which files are in the trash must not pass for "none".
 */
export function trashedIn(env: Env, folderIds: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of new Set(folderIds)) {
    for (const f of listAll(env, { q: `${queryString(id)} in parents and trashed = true`, fields: 'nextPageToken,files(id)' }))
      out.add(f.id!);
  }
  return out;
}

/**
 * The files of `year` the add-on made in folder `folderId` (not trashed), with their identity,
 * oldest first: one Files.list per page of 1,000. The query term is documented at
 * https://developers.google.com/workspace/drive/api/guides/ref-search-terms (appProperties has
 * { key='…' and value='…' }). A folder that is gone gives none.
 */
export function filesWithIdentity(env: Env, folderId: string, year: number): IdentifiedFile[] {
  return listAll(env, {
    q: `${queryString(folderId)} in parents and trashed = false and appProperties has { key=${queryString(IDENTITY_KEYS.year)} and value=${queryString(String(year))} }`,
    fields: 'nextPageToken,files(id,webViewLink,appProperties)',
    orderBy: 'createdTime',
  }).map((f) => ({
    id: f.id!,
    url: f.webViewLink || `https://drive.google.com/open?id=${f.id}`,
    properties: { ...(f.appProperties ?? {}) },
  }));
}

/**
 * Who has access to file `id` (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/list):
 * one call per page of 100.
 */
export function permissionsOf(env: Env, id: string): FilePermission[] {
  const out: FilePermission[] = [];
  let pageToken: string | undefined;
  do {
    const token = pageToken;
    const page: GDrivePermissionList = retryOnce(env, () =>
      env.gas.Drive.Permissions.list(id, {
        fields: 'nextPageToken,permissions(emailAddress,role,type)',
        pageSize: 100,
        ...(token ? { pageToken: token } : {}),
      }),
    );
    for (const p of page.permissions ?? []) out.push({ emailAddress: p.emailAddress, role: p.role, type: p.type });
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

/**
 * What Drive says of a file a service could not open: 'gone' (deleted, trashed or not visible),
 * 'ok' (it is there: the failure was something else), or 'unknown' when Drive cannot be asked
 * now either. One call. Used instead of reading the opening error's text, which Apps Script does
 * not document (a file deleted for good gives "Unexpected error while getting the method or
 * property openById…").
 */
export function driveVerdict(env: Env, id: string): 'gone' | 'ok' | 'unknown' {
  try {
    return fileState(env, id).state === 'ok' ? 'ok' : 'gone';
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Changing

/** Move file `id` to the trash (one call); a file already gone is fine. */
export function trashFile(env: Env, id: string): void {
  try {
    env.gas.Drive.Files.update({ trashed: true }, id);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/** Give file `id` a new name (one call). */
export function renameFile(env: Env, id: string, name: string): void {
  env.gas.Drive.Files.update({ name }, id);
}

/**
 * Share file `id` with `email` as an editor; Google e-mails the user `message` with the link
 * (one call).
 */
export function shareWithEditor(env: Env, id: string, email: string, message: string): void {
  env.gas.Drive.Permissions.create({ type: 'user', role: 'writer', emailAddress: email }, id, {
    sendNotificationEmail: true,
    emailMessage: message,
  });
}

// ---------------------------------------------------------------------------------------------
// Evidence a scorer attaches (the scorer's script, under drive.file: files it creates itself)

/**
 * The folders (not trashed) carrying every property of `identity`, oldest first: one Files.list.
 * Under `drive.file` Drive lists only the files this script created, which is what is looked for.
 */
export function foldersWithIdentity(env: Env, identity: Record<string, string>): DriveEntry[] {
  const props = Object.entries(identity)
    .map(([k, v]) => `appProperties has { key=${queryString(k)} and value=${queryString(v)} }`)
    .join(' and ');
  return listAll(env, {
    q: `mimeType = ${queryString(DRIVE_MIME.folder)} and trashed = false and ${props}`,
    fields: 'nextPageToken,files(id,name,mimeType,webViewLink)',
    orderBy: 'createdTime',
  }).map((f) => entryOf({ ...f, mimeType: DRIVE_MIME.folder }));
}

/**
 * A new file with content `blob` in folder `parentId` (multipart upload, one call; the Advanced
 * Drive Service sample «Upload files» calls Drive.Files.create(resource, blob, { fields })).
 */
export function uploadFile(env: Env, blob: GoogleAppsScript.Base.Blob, name: string, mimeType: string, parentId: string): DriveEntry {
  const f = env.gas.Drive.Files.create({ name, mimeType, parents: [parentId] }, blob, { fields: 'id,name,mimeType,webViewLink' });
  return entryOf(f, name);
}

/** Give `email` read access to `id` without Google's e-mail (one call). */
export function shareWithReader(env: Env, id: string, email: string): void {
  env.gas.Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, id, { sendNotificationEmail: false });
}
