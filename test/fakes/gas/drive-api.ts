/**
 * The Advanced Drive Service (Drive API v3, global `Drive`): Files.create/get/copy/update/list and
 * Permissions.create/list, over the same Drive model as DriveApp (context.ts). Calls are counted as
 * 'Files.copy', 'Permissions.create'…
 *
 * As in the API: an unknown id, or one the user cannot see, throws a GoogleJsonResponseException
 * whose message contains "File not found: <id>" (404); get returns trashed files with
 * `trashed: true`; a file the user may not change gives 403. Fake-specific: `fields` is ignored
 * (every answer carries kind, id, name, mimeType, trashed, parents, webViewLink, and a list
 * nextPageToken); `orderBy` is ignored (lists are in creation order, i.e. as orderBy
 * 'createdTime'); `q` knows only the clauses below; a media upload is taken by Files.create only
 * (its bytes kept as the file's content, its size answered as `size`); Drive's own upload limit
 * (5 TB) is not modelled.
 */
import type {
  GDriveFile,
  GDriveFileList,
  GDriveFiles,
  GDrivePermission,
  GDrivePermissionList,
  GDrivePermissions,
} from '../../../src/gas/services';
import { DriveItem, FakeContext } from './context';
import { newDoc } from './document-model';
import { copyItem, isEmail, shareItem, urlOf } from './drive';
import { MIME } from './enums';
import { apiFail, fail } from './errors';

type Args = Record<string, unknown>;

function resourceOf(it: DriveItem): GDriveFile {
  return {
    kind: 'drive#file',
    id: it.id,
    name: it.name,
    mimeType: it.mimeType,
    trashed: it.trashed,
    parents: [...it.parents],
    webViewLink: urlOf(it),
    ...(it.content ? { size: String(it.content.length) } : {}),
    ...(it.appProperties ? { appProperties: { ...it.appProperties } } : {}),
  };
}

/**
 * `appProperties` of a create, copy or update (patch semantics: a null value deletes the key).
 * Limits as documented (https://developers.google.com/workspace/drive/api/guides/properties):
 * at most 124 bytes per property (key and value, UTF-8), at most 30 private properties per app.
 */
function patchAppProperties(api: string, it: DriveItem, patch: unknown): void {
  if (patch === undefined || patch === null) return;
  if (typeof patch !== 'object') apiFail(api, 400, 'Invalid value for: appProperties');
  const next = { ...(it.appProperties ?? {}) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) {
      delete next[k];
      continue;
    }
    const value = String(v);
    if (Buffer.byteLength(k) + Buffer.byteLength(value) > 124)
      apiFail(api, 400, `The size of the property ${k} exceeds the 124 bytes limit.`);
    next[k] = value;
  }
  if (Object.keys(next).length > 30) apiFail(api, 400, 'The maximum number of private properties has been exceeded.');
  it.appProperties = next;
}

/** The item `id` ('root' = the user's My Drive) if the user can see it; else 404. */
function visible(ctx: FakeContext, api: string, id: unknown): DriveItem {
  const key = String(id);
  const it = key === 'root' ? ctx.rootFor(ctx.user) : ctx.item(key);
  if (!it || !ctx.canRead(it, ctx.user)) apiFail(api, 404, `File not found: ${key}.`);
  return it;
}

function writable(ctx: FakeContext, api: string, it: DriveItem): DriveItem {
  if (!ctx.canWrite(it, ctx.user)) apiFail(api, 403, `The user does not have sufficient permissions for file ${it.id}.`);
  return it;
}

/** The one parent of a new or copied file: a folder the user may write into. */
function parentOf(ctx: FakeContext, api: string, parents: unknown): DriveItem | null {
  if (parents === undefined || parents === null) return null;
  if (!Array.isArray(parents)) apiFail(api, 400, 'Invalid value for: parents');
  if (parents.length === 0) return null;
  if (parents.length > 1) apiFail(api, 403, 'Increasing the number of parents is not allowed.');
  const p = visible(ctx, api, parents[0]);
  if (!p.isFolder) apiFail(api, 400, `The specified parent is not a folder: ${p.id}.`);
  return writable(ctx, api, p);
}

// ---------------------------------------------------------------------------------------------
// Queries: clauses joined by "and" — '<id>' in parents, trashed = true|false,
// name = | != | contains '…', mimeType = | != '…', appProperties has { key='…' and value='…' }
// (https://developers.google.com/workspace/drive/api/guides/ref-search-terms). Anything else is
// refused (400).

const STR = "'((?:[^'\\\\]|\\\\.)*)'";
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
type Test = (x: DriveItem) => boolean;

const CLAUSES: Array<[RegExp, (m: RegExpExecArray, ctx: FakeContext) => Test]> = [
  [
    new RegExp(`^${STR}\\s+in\\s+parents\\b`, 'i'),
    (m, ctx) => {
      const id = unquote(m[1]);
      const target = id === 'root' ? ctx.rootFor(ctx.user).id : id;
      return (x) => x.parents.includes(target);
    },
  ],
  [
    new RegExp(`^appProperties\\s+has\\s*\\{\\s*key\\s*=\\s*${STR}\\s+and\\s+value\\s*=\\s*${STR}\\s*\\}`, 'i'),
    (m) => {
      const [key, value] = [unquote(m[1]), unquote(m[2])];
      return (x) => x.appProperties?.[key] === value;
    },
  ],
  [
    /^trashed\s*(=|!=)\s*(true|false)\b/i,
    (m) => {
      const want = (m[2].toLowerCase() === 'true') === (m[1] === '=');
      return (x) => x.trashed === want;
    },
  ],
  [
    new RegExp(`^(name|mimeType)\\s*(=|!=|contains)\\s*${STR}`, 'i'),
    (m) => {
      const [field, op, text] = [m[1].toLowerCase() === 'name' ? 'name' : 'mimeType', m[2].toLowerCase(), unquote(m[3])] as const;
      if (op === 'contains' && field !== 'name') fail(`Invalid argument: q (unsupported query "${m[0]}")`);
      return (x) => (op === '=' ? x[field] === text : op === '!=' ? x[field] !== text : x.name.includes(text));
    },
  ],
];

function parseQuery(ctx: FakeContext, q: string): Test[] {
  const tests: Test[] = [];
  let rest = q.trim();
  while (rest) {
    let matched = false;
    for (const [re, make] of CLAUSES) {
      const m = re.exec(rest);
      if (!m) continue;
      tests.push(make(m, ctx));
      rest = rest.slice(m[0].length).trim();
      matched = true;
      break;
    }
    if (!matched) apiFail('drive.files.list', 400, `Invalid Value (fake: unsupported query "${rest}")`);
    if (rest) {
      const and = /^and\s+/i.exec(rest);
      if (!and) apiFail('drive.files.list', 400, `Invalid Value (fake: unsupported query "${rest}")`);
      rest = rest.slice(and[0].length);
    }
  }
  return tests;
}

// ---------------------------------------------------------------------------------------------
// Files

export class DriveFilesFake implements GDriveFiles {
  constructor(private readonly ctx: FakeContext) {}

  create(resource: GDriveFile, mediaData?: GoogleAppsScript.Base.Blob, _optionalArgs?: Args): GDriveFile {
    const api = 'drive.files.create';
    const ctx = this.ctx;
    const name = resource?.name ?? mediaData?.getName() ?? 'Untitled';
    // Drive takes the metadata's mimeType, else the media's (https://developers.google.com/workspace/drive/api/guides/manage-uploads).
    const mimeType = resource?.mimeType ?? mediaData?.getContentType() ?? 'application/octet-stream';
    if (mediaData && (mimeType === MIME.GOOGLE_SHEETS || mimeType === MIME.GOOGLE_DOCS || mimeType === MIME.FOLDER)) {
      fail('fake: Files.create with media into a Google type (conversion) is not supported');
    }
    const parent = parentOf(ctx, api, resource?.parents) ?? ctx.rootFor(ctx.user);
    let it: DriveItem;
    if (mimeType === MIME.GOOGLE_SHEETS) {
      it = ctx.item(ctx.createSpreadsheetModel(name, ctx.user, 1000, 26, parent.id).id)!;
    } else {
      it = ctx.newItem(name, mimeType, parent.id, ctx.user);
      if (mimeType === MIME.GOOGLE_DOCS) ctx.documents.set(it.id, newDoc(it.id));
    }
    if (resource?.description !== undefined) it.description = resource.description ?? null;
    patchAppProperties(api, it, resource?.appProperties);
    if (mediaData) it.content = Uint8Array.from(mediaData.getBytes());
    return resourceOf(it);
  }

  get(fileId: string): GDriveFile;
  get(fileId: string, optionalArgs: Args & { alt: 'media' }): string;
  get(fileId: string, optionalArgs: Args): GDriveFile;
  get(fileId: string, optionalArgs?: Args): GDriveFile | string {
    if (optionalArgs?.alt === 'media') fail('fake: Files.get with alt=media is not supported');
    return resourceOf(visible(this.ctx, 'drive.files.get', fileId));
  }

  copy(resource: GDriveFile, fileId: string, _optionalArgs?: Args): GDriveFile {
    const api = 'drive.files.copy';
    const ctx = this.ctx;
    const src = visible(ctx, api, fileId);
    if (src.isFolder) apiFail(api, 403, 'This file cannot be copied by the user.');
    // Without parents, the copy goes where the source is (if the user may write there).
    const home = ctx.item(src.parents[0] ?? '');
    const parent = parentOf(ctx, api, resource?.parents) ?? (home && ctx.canWrite(home, ctx.user) ? home : ctx.rootFor(ctx.user));
    const copy = copyItem(ctx, src, resource?.name ?? `Copy of ${src.name}`, parent);
    // "Creates a copy of a file and applies any requested updates with patch semantics."
    patchAppProperties(api, copy, resource?.appProperties);
    return resourceOf(copy);
  }

  update(resource: GDriveFile, fileId: string, mediaData?: GoogleAppsScript.Base.Blob, optionalArgs?: Args): GDriveFile {
    const api = 'drive.files.update';
    const ctx = this.ctx;
    if (mediaData) fail('fake: Files.update with media is not supported');
    const it = writable(ctx, api, visible(ctx, api, fileId));
    if (resource?.parents !== undefined) {
      apiFail(
        api,
        403,
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    }
    if (resource?.name !== undefined && resource.name !== null) it.name = String(resource.name);
    if (resource?.description !== undefined) it.description = resource.description ?? null;
    patchAppProperties(api, it, resource?.appProperties);
    if (resource?.trashed !== undefined) {
      if (it.rootOf) apiFail(api, 403, 'The user does not have sufficient permissions for this file.');
      it.trashed = !!resource.trashed;
    }
    const add = optionalArgs?.addParents ? String(optionalArgs.addParents).split(',') : [];
    const remove = optionalArgs?.removeParents ? String(optionalArgs.removeParents).split(',') : [];
    if (add.length || remove.length) {
      const parents = it.parents.filter((p) => !remove.includes(p));
      for (const p of add) if (!parents.includes(p)) parents.push(parentOf(ctx, api, [p])!.id);
      if (parents.length > 1) apiFail(api, 403, 'Increasing the number of parents is not allowed.');
      it.parents = parents;
    }
    ctx.touch(it.id);
    return resourceOf(it);
  }

  list(optionalArgs?: Args): GDriveFileList {
    const ctx = this.ctx;
    const tests = parseQuery(ctx, String(optionalArgs?.q ?? ''));
    const size = Math.min(Math.max(1, Number(optionalArgs?.pageSize ?? 100) || 100), 1000);
    const start = optionalArgs?.pageToken ? Number(optionalArgs.pageToken) : 0;
    if (!Number.isInteger(start) || start < 0) apiFail('drive.files.list', 400, 'Invalid Value');
    const all = [...ctx.items.values()].filter((x) => !x.rootOf && ctx.canRead(x, ctx.user) && tests.every((t) => t(x)));
    const page = all.slice(start, start + size);
    const next = start + size < all.length ? String(start + size) : undefined;
    return { kind: 'drive#fileList', incompleteSearch: false, files: page.map(resourceOf), ...(next ? { nextPageToken: next } : {}) };
  }
}

// ---------------------------------------------------------------------------------------------
// Permissions

const ROLES: Record<string, 'editor' | 'viewer'> = { writer: 'editor', commenter: 'viewer', reader: 'viewer' };

export class DrivePermissionsFake implements GDrivePermissions {
  constructor(private readonly ctx: FakeContext) {}

  create(resource: GDrivePermission, fileId: string, optionalArgs?: Args): GDrivePermission {
    const api = 'drive.permissions.create';
    const ctx = this.ctx;
    const it = writable(ctx, api, visible(ctx, api, fileId));
    if (resource?.type !== 'user') fail(`fake: Permissions.create supports type 'user' only (got '${resource?.type}')`);
    const role = ROLES[String(resource.role)];
    if (!role) fail(`fake: Permissions.create supports roles writer, commenter, reader (got '${resource.role}')`);
    const email = String(resource.emailAddress ?? '');
    if (!isEmail(email)) apiFail(api, 400, `Invalid sharing request: the e-mail address "${email}" is not valid.`);
    const notify = optionalArgs?.sendNotificationEmail !== false;
    const message = typeof optionalArgs?.emailMessage === 'string' ? optionalArgs.emailMessage : null;
    shareItem(ctx, it, email, role, { via: 'Permissions.create', notify, message });
    return { kind: 'drive#permission', id: permissionId(email), type: 'user', role: resource.role, emailAddress: email };
  }

  /**
   * The file's permissions (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/list):
   * the owner ('owner'), editors ('writer') and viewers ('reader'), the file's own and those it
   * inherits from its folders, as type 'user' with their emailAddress. Fake: one page.
   */
  list(fileId: string, _optionalArgs?: Args): GDrivePermissionList {
    const api = 'drive.permissions.list';
    const ctx = this.ctx;
    const it = visible(ctx, api, fileId);
    const out = new Map<string, GDrivePermission>();
    const add = (email: string, role: string) => {
      if (!out.has(email)) out.set(email, { kind: 'drive#permission', id: permissionId(email), type: 'user', role, emailAddress: email });
    };
    add(it.owner, 'owner');
    for (const x of [it, ...ctx.ancestors(it)]) for (const e of x.editors) add(e, 'writer');
    for (const x of [it, ...ctx.ancestors(it)]) for (const e of x.viewers) add(e, 'reader');
    return { kind: 'drive#permissionList', permissions: [...out.values()] };
  }
}

/** A stable permission id per user (Drive's permission ids are per user too). */
const permissionId = (email: string) => `perm-${email.toLowerCase()}`;
