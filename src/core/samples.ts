// The built-in samples, by name: the province after the 2025 reform (the default) and the 2024
// district of the real reports. Both are synthetic scores on real or illustrative unit names.
import { Cell, Rubric } from './types';
import type { OutlineRow } from './outline';
import type { ConfigKey } from './config';
import type { INDICATOR_COLUMNS, MERGE_COLUMNS, PREVIOUS_COLUMNS, UNIT_COLUMNS } from './schema';
import { SAMPLE, SampleEntries, sampleEntries } from './sample';
import { PROVINCE_SAMPLE, provinceEntries } from './sample-province';

type Row<C> = Partial<Record<keyof C, Cell>>;

/** The input sheets a sample fills. */
export interface SampleData {
  config: Partial<Record<ConfigKey, Cell>>;
  units: Array<Row<typeof UNIT_COLUMNS>>;
  narrative: Record<string, string>;
  /** `Nội dung báo cáo` as an outline; absent: the seed outline filled from `narrative`. */
  outline?: OutlineRow[];
  previous: Array<Row<typeof PREVIOUS_COLUMNS>>;
  merges?: Array<Row<typeof MERGE_COLUMNS>>;
  indicators: Array<Row<typeof INDICATOR_COLUMNS>>;
}

export interface SampleProfile {
  /** What the log and the CLI say the data is. */
  label: string;
  data: SampleData;
  entries: (rubrics: Record<string, Rubric>) => SampleEntries;
}

export const SAMPLE_NAMES = ['quang-ngai-2025', 'binh-son-2024'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export const SAMPLES: Record<SampleName, SampleProfile> = {
  'quang-ngai-2025': {
    label: 'Dữ liệu mẫu tỉnh Quảng Ngãi năm 2025, sau sắp xếp (điểm giả lập; tên phường và cụm thi đua chỉ để minh họa)',
    data: PROVINCE_SAMPLE,
    entries: provinceEntries,
  },
  'binh-son-2024': { label: 'Dữ liệu mẫu huyện Bình Sơn năm 2024 (giả lập)', data: SAMPLE, entries: sampleEntries },
};

export const DEFAULT_SAMPLE: SampleName = 'quang-ngai-2025';

export const isSampleName = (s: string): s is SampleName => (SAMPLE_NAMES as readonly string[]).includes(s);
