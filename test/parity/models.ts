// The document models each back-end builds, captured where both build them: the core's
// buildReportModel / buildDecisionModel (offline through src/node/docx/index.ts, online through
// src/gas/docs/documents.ts). A jest spy records what they return; the back-ends run unchanged.
import * as reportModel from '../../src/core/report-model';
import type { DocModel } from '../../src/core/report-model';

export interface ModelCapture {
  /** Forget what was built so far. */
  start(): void;
  /** The last report and decision models built since start(). */
  take(): { report: DocModel | undefined; decision: DocModel | undefined };
  restore(): void;
}

export function captureModels(): ModelCapture {
  const report = jest.spyOn(reportModel, 'buildReportModel');
  const decision = jest.spyOn(reportModel, 'buildDecisionModel');
  const last = (spy: jest.SpyInstance<DocModel, [reportModel.ReportInput]>) => {
    const done = spy.mock.results.filter((r) => r.type === 'return');
    return done.length ? structuredClone<DocModel>(done[done.length - 1].value) : undefined;
  };
  return {
    start: () => {
      report.mockClear();
      decision.mockClear();
    },
    take: () => ({ report: last(report), decision: last(decision) }),
    restore: () => {
      report.mockRestore();
      decision.mockRestore();
    },
  };
}
