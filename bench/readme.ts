// The README section written by `npm run bench` between <!-- bench:start --> and <!-- bench:end -->.

/** The README section: how to run, what is measured, and the latest output. */
export function readmeSection(output: string): string {
  return [
    '## Benchmark',
    '',
    '`npm run bench` (about 1–2 minutes) measures what decides whether a province can use the add-on: the',
    'number of Apps Script service calls of each action. Every action runs on the in-memory Apps Script',
    'fake (`test/fakes/gas.ts`), which counts every call (`Class.method`), once as the add-on does it and',
    'once the naive way most Apps Script code found online does it (`bench/naive/`: `setValue`,',
    '`setBackground`, `setDataValidation` per cell and `protect` per range to generate; `getValue` per',
    'input cell to collect; `appendRow` per row to write the ranking and the findings; `appendParagraph`',
    'and `appendTableRow`/`appendTableCell` per row and cell to write the report). Rubrics of 10, 40 and',
    '80 criteria and 10, 100 and 1,000 units come from a deterministic generator (`bench/synthetic.ts`).',
    '',
    'Wall time is projected with a latency model kept in one file, `bench/latency-model.ts` (milliseconds',
    "per kind of call — estimates from public material, to be replaced by real measurements). The fake's",
    "clock advances by that latency on every call, so the add-on's own chunking stops each execution where",
    'it would in Apps Script and the jobs are resumed chunk by chunk: the chunk counts below are measured.',
    'The command prints the tables, writes `bench/results.json` (every total and per-method count), updates',
    'this section, and exits with code 1 when a budget of DESIGN §6 fails (a `FAIL:` line). `--quick` runs',
    'smaller sizes without touching this section; `--no-offline` skips the CLI timings.',
    '',
    'How to read it: table 1 divides each measured total by the number of units, so the fixed work',
    '(the master spreadsheet, reading the control workbook, the final writes) shows at 10 units; table 2',
    'splits the same totals into fixed calls, calls per resumed chunk, per group folder and per unit — the',
    'per-unit figure is the one the budgets apply to. The first line names the machine of the run.',
    '',
    'Latest run:',
    '',
    '```text',
    output.trim(),
    '```',
  ].join('\n');
}
