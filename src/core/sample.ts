// The built-in sample: Bình Sơn district (Quảng Ngãi), year 2024 (DOMAIN §6). Unit names are real;
// every score, e-mail and person is SYNTHETIC, generated here so the whole pipeline can be tried.
import { defaultIndicatorRows } from './indicators';
import { Cell, Rubric } from './types';
import { ConfigKey } from './config';
import { DEFAULT_RUBRIC_IDS } from './default-rubrics';
import { leaves } from './rubric';
import { roundHalfUp } from './round';
import { seededRandom } from './random';

const COMMUNES = [
  'Thị trấn Châu Ổ',
  'Xã Bình An',
  'Xã Bình Chánh',
  'Xã Bình Châu',
  'Xã Bình Chương',
  'Xã Bình Đông',
  'Xã Bình Dương',
  'Xã Bình Hải',
  'Xã Bình Hiệp',
  'Xã Bình Hòa',
  'Xã Bình Khương',
  'Xã Bình Long',
  'Xã Bình Minh',
  'Xã Bình Mỹ',
  'Xã Bình Nguyên',
  'Xã Bình Phước',
  'Xã Bình Tân Phú',
  'Xã Bình Thanh',
  'Xã Bình Thạnh',
  'Xã Bình Thuận',
  'Xã Bình Trị',
  'Xã Bình Trung',
];
const OFFICES = [
  'Văn phòng HĐND và UBND huyện',
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Thanh tra huyện',
  'Phòng Kinh tế và Hạ tầng',
];
export const SAMPLE_GROUPS = { communes: 'Khối xã, thị trấn', offices: 'Khối cơ quan chuyên môn' } as const;

const pad = (n: number) => String(n).padStart(2, '0');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/^(xa|thi tran|phong)\s+/, '')
    .replace(/[^a-z0-9]+/g, '');

const units = [
  ...COMMUNES.map((name, i) => ({
    code: `BS-X${pad(i + 1)}`,
    name,
    type: i === 0 ? 'thị trấn' : 'xã',
    group: SAMPLE_GROUPS.communes,
    rubricId: DEFAULT_RUBRIC_IDS.commune,
  })),
  ...OFFICES.map((name, i) => ({
    code: `BS-P${pad(i + 1)}`,
    name,
    type: 'phòng/ban',
    group: SAMPLE_GROUPS.offices,
    rubricId: DEFAULT_RUBRIC_IDS.agency,
  })),
].map((u) => ({
  ...u,
  email: `${slug(u.name)}.binhson@example.com`,
  gates: u.code === 'BS-X04' ? 'G2' : null, // Bình Châu: mass complaints this year (synthetic)
  status: u.code === 'BS-P09' ? 'Đang chấm' : 'Đã nộp', // Phòng Y tế has not submitted
}));

export interface SampleEntry {
  self?: Cell;
  appraised?: Cell;
  evidence?: Cell;
  note?: Cell;
  /** The appraiser's reason (`Lý do thẩm định`) of an appraised score that differs. */
  reason?: Cell;
  /** The unit's explanation (`Giải trình`). */
  explanation?: Cell;
}
/** The synthetic reason of every appraisal drop in the samples. */
export const SAMPLE_REASON = 'Minh chứng chưa đủ so với yêu cầu (giả lập)';
export type SampleEntries = Record<string, Record<string, SampleEntry>>;

export const SYNTHETIC_NOTE = 'Điểm giả lập (dữ liệu mẫu)';
/** Quality of each unit's work, 0..1 of every maximum: a spread over the levels. */
const QUALITY: Record<string, number> = {
  'BS-X01': 0.95,
  'BS-X04': 0.96,
  'BS-X07': 0.87,
  'BS-X12': 0.93,
  'BS-X19': 0.55,
  'BS-X22': 0.42,
  'BS-P02': 0.94,
  'BS-P05': 0.62,
  'BS-P08': 0.93,
};
/**
 * Synthetic entries for sample units: every score leaf near `quality` (0..1 of its maximum, a
 * seeded spread otherwise), evidence and a note on each, a bonus for the best units, an occasional
 * second bonus and late-report deduction.
 */
export function syntheticEntries(
  list: ReadonlyArray<{ code: string; rubricId: string }>,
  rubrics: Record<string, Rubric>,
  quality: Record<string, number>,
  seed: number,
): SampleEntries {
  const out: SampleEntries = {};
  list.forEach((u, i) => {
    const rubric = rubrics[u.rubricId];
    if (!rubric) return;
    const rnd = seededRandom(seed + i);
    const q = quality[u.code] ?? 0.78 + rnd() * 0.14;
    const e: Record<string, SampleEntry> = {};
    for (const c of leaves(rubric, 'score')) {
      const v = Math.min(c.max, Math.max(0, Math.round(c.max * (q + (rnd() - 0.5) * 0.1) * 4) / 4));
      e[c.code] = { self: v, evidence: `Hồ sơ minh chứng ${c.code} (giả lập)`, note: SYNTHETIC_NOTE };
    }
    const [b1, b2] = leaves(rubric, 'bonus');
    if (b1 && q > 0.9) e[b1.code] = { self: Math.min(b1.max, 2), evidence: 'Quyết định khen thưởng (giả lập)', note: SYNTHETIC_NOTE };
    if (b2 && i % 5 === 0) e[b2.code] = { self: 1, evidence: 'Văn bản công nhận sáng kiến (giả lập)', note: SYNTHETIC_NOTE };
    const late = leaves(rubric, 'penalty').find((c) => c.code === 'P3');
    if (late && i % 7 === 3) e[late.code] = { self: 1, evidence: 'Sổ theo dõi báo cáo (giả lập)', note: SYNTHETIC_NOTE };
    out[u.code] = e;
  });
  return out;
}

/** Pairs with the same entries, so ties and their Vietnamese ordering show in the ranking. */
const TWINS: Record<string, string> = { 'BS-X14': 'BS-X06', 'BS-P10': 'BS-P03' };

/**
 * Synthetic entries for every sample unit on the given rubrics: self-scores, evidence, a few
 * appraisals (one commune drops from about 87 to 78), bonus and deductions, and three bad entries
 * for the validation to find.
 */
export function sampleEntries(rubrics: Record<string, Rubric>): SampleEntries {
  const out = syntheticEntries(units, rubrics, QUALITY, 1000);
  for (const [twin, of] of Object.entries(TWINS)) out[twin] = JSON.parse(JSON.stringify(out[of])) as SampleEntries[string];

  // Appraisal council (Thẩm định): Bình Dương drops from about 87 to 78.
  const bd = out['BS-X07'];
  if (bd)
    for (const [code, cut] of Object.entries({ 'X1.1': 1, 'X3.1': 2, 'X4.2': 2, 'X5.2': 2, 'X7.2': 2 })) {
      if (bd[code] && typeof bd[code].self === 'number') {
        bd[code].appraised = Math.max(0, bd[code].self - cut);
        bd[code].reason = SAMPLE_REASON;
      }
    }
  for (const code of ['BS-X01', 'BS-X10', 'BS-P02']) {
    const first = Object.keys(out[code] ?? {})[0];
    if (first) {
      out[code][first].appraised = roundHalfUp(Math.max(0, (out[code][first].self as number) - 0.5), 2);
      out[code][first].reason = SAMPLE_REASON;
    }
  }
  // Bad entries the validation must report.
  if (out['BS-X15']?.['X3.1']) out['BS-X15']['X3.1'].self = 7.5; // above the maximum of 6
  if (out['BS-P04']) out['BS-P04']['P3'] = { self: -2, evidence: 'Sổ theo dõi báo cáo (giả lập)', note: SYNTHETIC_NOTE }; // wrong sign
  if (out['BS-X20']?.['X9.1'])
    out['BS-X20']['X9.1'] = { appraised: 4, reason: SAMPLE_REASON, evidence: 'Báo cáo (giả lập)', note: SYNTHETIC_NOTE }; // appraisal without self-score
  // Not submitted: only part of the form filled.
  if (out['BS-P09']) out['BS-P09'] = Object.fromEntries(Object.entries(out['BS-P09']).slice(0, 5));
  return out;
}

const config: Partial<Record<ConfigKey, Cell>> = {
  year: 2024,
  province: 'Quảng Ngãi',
  parentBody: '',
  issuingBody: 'ỦY BAN NHÂN DÂN | HUYỆN BÌNH SƠN',
  place: 'Bình Sơn',
  area: 'huyện Bình Sơn',
  deadline: '15/11/2024',
  reportNumber: '',
  reportDate: '18/12/2024',
  decisionNumber: '',
  decisionDate: '20/12/2024',
  addressee: 'Sở Nội vụ tỉnh Quảng Ngãi',
  reportBasis:
    'Thực hiện Công văn số 2150/SNV-XDCQ ngày 01/11/2024 của Sở Nội vụ tỉnh Quảng Ngãi về việc báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024',
  reportRecipients: 'Sở Nội vụ tỉnh Quảng Ngãi; Ban Dân vận Huyện ủy; Thường trực Huyện ủy; Thường trực HĐND huyện; CT, các PCT UBND huyện',
  decisionRecipients: 'Như Điều 3; Sở Nội vụ tỉnh Quảng Ngãi; Ban Dân vận Huyện ủy; CT, các PCT UBND huyện',
  decisionAuthority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN',
  decisionBases:
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019 | ' +
    'Căn cứ Quyết định số 1211/QĐ-UBND ngày 02 tháng 11 năm 2022 của UBND tỉnh Quảng Ngãi ban hành Quy định tiêu chí, thang điểm và phương pháp đánh giá, phân loại công tác dân vận của các cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập trên địa bàn tỉnh | ' +
    'Theo đề nghị của Trưởng phòng Nội vụ huyện',
  reportSignAuthority: 'TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH',
  decisionSignAuthority: 'KT. CHỦ TỊCH',
  signTitle: 'PHÓ CHỦ TỊCH',
  signerName: 'Nguyễn Văn Mẫu',
  drafterCode: 'NV',
  step: 0.25,
  bonusCap: null,
};

const narrative: Record<string, string> = {
  'Tiếp công dân, giải quyết khiếu nại, tố cáo':
    '(Dữ liệu mẫu) Các cơ quan, đơn vị, địa phương duy trì tiếp công dân định kỳ và đột xuất; trong năm đã tiếp {{so_lieu_tcd}} công dân, xử lý {{so_lieu_don}}.\n' +
    '(Dữ liệu mẫu) Chủ tịch UBND huyện đã giải quyết {{so_lieu_kntc}} thuộc thẩm quyền.',
  'Cải cách hành chính': '(Dữ liệu mẫu) Tiếp tục đẩy mạnh cải cách thủ tục hành chính; hồ sơ giải quyết đúng hạn {{so_lieu_tthc}}.',
  'Dân vận khéo':
    '(Dữ liệu mẫu) Các cơ quan, đơn vị đăng ký xây dựng mô hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn, tập trung vào cải cách hành chính và xây dựng nông thôn mới.',
  'Tình hình chung':
    '(Dữ liệu mẫu) Năm 2024, UBND huyện tiếp tục quán triệt, triển khai Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ và Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của UBND tỉnh; các cơ quan, đơn vị, địa phương chủ động xây dựng kế hoạch công tác dân vận chính quyền gắn với nhiệm vụ chính trị của từng nơi.',
  'Công tác lãnh đạo, chỉ đạo':
    '(Dữ liệu mẫu) UBND huyện ban hành kế hoạch thực hiện công tác dân vận chính quyền năm 2024 và văn bản hướng dẫn tự đánh giá, chấm điểm; chỉ đạo các phòng, ban và UBND các xã, thị trấn tự chấm điểm, nộp hồ sơ đúng thời hạn.',
  'Kết quả đạt được':
    '(Dữ liệu mẫu) Công tác dân vận chính quyền có chuyển biến tích cực; tinh thần, thái độ phục vụ Nhân dân của đội ngũ cán bộ, công chức được nâng lên; nhiều mô hình “Dân vận khéo” được duy trì và nhân rộng.',
  'Hạn chế, vướng mắc':
    '(Dữ liệu mẫu) Một số đơn vị nộp hồ sơ tự chấm điểm chậm, tài liệu kiểm chứng chưa đầy đủ; việc giải quyết một số vụ việc khiếu nại về đất đai còn kéo dài.',
  'Nguyên nhân':
    '(Dữ liệu mẫu) Một số người đứng đầu chưa quan tâm đúng mức đến công tác dân vận chính quyền; cán bộ làm công tác dân vận ở cơ sở còn kiêm nhiệm nhiều việc.',
  'Nhiệm vụ năm tới':
    '(Dữ liệu mẫu) Tiếp tục thực hiện hiệu quả Chỉ thị số 33/CT-TTg; nâng cao chất lượng tự đánh giá, chấm điểm; đẩy mạnh phong trào thi đua “Dân vận khéo”; giải quyết kịp thời kiến nghị, phản ánh của Nhân dân.',
  'Đề xuất, kiến nghị':
    '(Dữ liệu mẫu) Đề nghị Sở Nội vụ tiếp tục tổ chức tập huấn nghiệp vụ về công tác dân vận chính quyền cho cán bộ, công chức cấp xã.',
};

/** Synthetic results of the previous year, for the report's comparison. */
const previous = units.map((u, i) => {
  const total = roundHalfUp(72 + ((i * 37) % 25), 2);
  const level = total >= 90 ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ';
  return { code: u.code, name: u.name, total, level, year: 2023 };
});

/** Two years back (synthetic), for the results table over the years. */
const older = units.map((u, i) => {
  const total = roundHalfUp(70 + ((i * 29) % 27), 2);
  const level = total >= 90 ? 'Hoàn thành xuất sắc nhiệm vụ' : total >= 75 ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành nhiệm vụ';
  return { code: u.code, name: u.name, total, level, year: 2022 };
});

/** `Số liệu` (synthetic figures, in the shape of seed 002's). */
const indicators = defaultIndicatorRows({ TCD: [412, null], DON: [623, 634], KNTC: [59, 63], TTHC: [18250, 18391] });

export const SAMPLE = { config, units, narrative, previous: [...older, ...previous], indicators };
