/**
 * The DriveApp surface of the fake. It is NOT part of GasServices: DriveApp's modifying methods
 * need the full `drive` scope, which the add-on does not have, so the add-on uses the Advanced
 * Drive Service (`Drive`, src/gas/drive.ts). The fake keeps DriveApp for tests that set up or
 * inspect Drive the way a user would, and for the benchmark's naive code (bench/naive), which
 * uses it the way most Apps Script code found online does.
 *
 * Same rules as src/gas/services.ts: a subset of the real interfaces, checked at compile time.
 */
import type { GasServices, GDate, GUser } from '../../../src/gas/services';

export interface GDriveApp {
  getRootFolder(): GFolder;
  createFolder(name: string): GFolder;
  getFolderById(id: string): GFolder;
  /** Throws for an unknown id; returns trashed files (check isTrashed()). */
  getFileById(id: string): GFile;
  /** Includes trashed folders (as Apps Script does). */
  getFoldersByName(name: string): GFolderIterator;
  getFilesByName(name: string): GFileIterator;
}

export interface GFolder extends Pick<GoogleAppsScript.Drive.Folder, 'getId' | 'getName' | 'getUrl' | 'isTrashed' | 'getDescription'> {
  setName(name: string): GFolder;
  setDescription(description: string): GFolder;
  createFolder(name: string): GFolder;
  getFolders(): GFolderIterator;
  getFoldersByName(name: string): GFolderIterator;
  getFiles(): GFileIterator;
  getFilesByName(name: string): GFileIterator;
  /**
   * Children of this folder matching a Drive query (e.g. "trashed = true"). Scoped to one folder
   * (never the whole Drive); with drive.file it only sees files the add-on created.
   */
  searchFiles(params: string): GFileIterator;
  getParents(): GFolderIterator;
  moveTo(destination: GFolder): GFolder;
  setTrashed(trashed: boolean): GFolder;
  addEditor(emailAddress: string): GFolder;
  addEditors(emailAddresses: string[]): GFolder;
  removeEditor(emailAddress: string): GFolder;
  getEditors(): GUser[];
  getOwner(): GUser;
  getDateCreated(): GDate;
  getLastUpdated(): GDate;
}

export interface GFile extends Pick<
  GoogleAppsScript.Drive.File,
  'getId' | 'getName' | 'getUrl' | 'isTrashed' | 'getMimeType' | 'getDescription'
> {
  setName(name: string): GFile;
  setDescription(description: string): GFile;
  moveTo(destination: GFolder): GFile;
  makeCopy(): GFile;
  makeCopy(destination: GFolder): GFile;
  makeCopy(name: string): GFile;
  makeCopy(name: string, destination: GFolder): GFile;
  setTrashed(trashed: boolean): GFile;
  addEditor(emailAddress: string): GFile;
  addEditors(emailAddresses: string[]): GFile;
  removeEditor(emailAddress: string): GFile;
  getEditors(): GUser[];
  addViewer(emailAddress: string): GFile;
  addViewers(emailAddresses: string[]): GFile;
  getViewers(): GUser[];
  getOwner(): GUser;
  getParents(): GFolderIterator;
  getDateCreated(): GDate;
  getLastUpdated(): GDate;
}

export interface GFolderIterator extends Pick<GoogleAppsScript.Drive.FolderIterator, 'hasNext'> {
  next(): GFolder;
}
export interface GFileIterator extends Pick<GoogleAppsScript.Drive.FileIterator, 'hasNext'> {
  next(): GFile;
}

/** The add-on's services plus DriveApp: what the naive benchmark code runs with. */
export type GasServicesWithDriveApp = GasServices & { DriveApp: GDriveApp };

// Compile-time check: no narrowed interface names a method its real interface lacks.
type NoExtraKeys<N, R> = Exclude<keyof N, keyof R> extends never ? true : { extraKeys: Exclude<keyof N, keyof R> };
type Expect<T extends true> = T;
// prettier-ignore
export type _DriveAppKeyCheck = [
  Expect<NoExtraKeys<GDriveApp, GoogleAppsScript.Drive.DriveApp>>,
  Expect<NoExtraKeys<GFolder, GoogleAppsScript.Drive.Folder>>,
  Expect<NoExtraKeys<GFile, GoogleAppsScript.Drive.File>>,
  Expect<NoExtraKeys<GFolderIterator, GoogleAppsScript.Drive.FolderIterator>>,
  Expect<NoExtraKeys<GFileIterator, GoogleAppsScript.Drive.FileIterator>>,
];

/** The real DriveApp is assignable to the narrowed type (checks the re-declared signatures). */
export const _driveAppSignatureCheck = (real: GoogleAppsScript.Drive.DriveApp): GDriveApp => real;
