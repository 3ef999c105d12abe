// Names shared by the naive versions (re-exported from the core so they match the add-on's).
export { SHEETS, UNIT_COLUMNS, RESULT_COLUMNS, FINDING_COLUMNS } from '../../src/core/schema';
export { STATUS as STATUS_TEXT } from '../../src/core/types';
