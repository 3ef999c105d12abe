/** An error shaped like the ones Apps Script throws: `String(e)` is "Exception: <message>". */
export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function fail(message: string): never {
  throw new GasException(message);
}

export const MSG = {
  noItem:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  noAccess: 'You do not have permission to access the requested document.',
  missingDoc: (id: string) => `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  docClosed: 'Document is closed, its contents cannot be updated.',
  lastParagraph: "Can't remove the last paragraph in a document section.",
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
} as const;

/**
 * An error shaped like the ones the Advanced Services throw (here the Drive API):
 * `String(e)` is "GoogleJsonResponseException: API call to drive.files.get failed with error:
 * File not found: <id>."; `details.code` is the HTTP status.
 */
export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string };
  constructor(api: string, code: number, message: string) {
    super(`API call to ${api} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message };
  }
}

export function apiFail(api: string, code: number, message: string): never {
  throw new GoogleJsonResponseException(api, code, message);
}
