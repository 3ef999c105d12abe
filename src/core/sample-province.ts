// The default sample: the province of Quảng Ngãi after the 2025 reform (DOMAIN §5), year 2025, the
// first year its Sở Nội vụ appraises the communes, wards and the special zone directly (no district)
// and the provincial departments. Decision by the Chủ tịch UBND tỉnh.
//
// Names: the communes of «Cụm thi đua số 1» and «số 3», with the old units merged into them, follow
// the list of NQ 1677/NQ-UBTVQH15 (16/6/2025) as published (hoangvucomputer.com, «Toàn bộ danh sách
// 96 xã, phường và đặc khu tỉnh Quảng Ngãi sau sáp nhập 2025»); Đăk Long, Ba Xa, Rờ Kơi, Mô Rai and
// Ia Đal kept their names (gomangden.com). The wards' names and the clusters themselves are
// ILLUSTRATIVE: how the province groups its cụm thi đua was not found (DOMAIN §5). The departments
// follow NĐ 45/2025/NĐ-CP. Every score, e-mail, person and last year's result is SYNTHETIC.
import { defaultIndicatorRows } from './indicators';
import { fromNarrative, OutlineRow } from './outline';
import { Cell, Rubric } from './types';
import { ConfigKey } from './config';
import { DEFAULT_RUBRIC_IDS } from './default-rubrics';
import { roundHalfUp } from './round';
import { SampleEntries, syntheticEntries, SAMPLE_REASON, SYNTHETIC_NOTE } from './sample';

export const PROVINCE_GROUPS = {
  cluster1: 'Cụm thi đua số 1',
  cluster2: 'Cụm thi đua số 2',
  cluster3: 'Cụm thi đua số 3',
  departments: 'Khối các sở, ban, ngành',
} as const;

/** New unit, its type, cluster, and the old units merged into it (code, name), where the source gives them. */
type Spec = [name: string, type: string, group: string, merged?: Array<[string, string]>];

const C1 = PROVINCE_GROUPS.cluster1;
const C2 = PROVINCE_GROUPS.cluster2;
const C3 = PROVINCE_GROUPS.cluster3;
const COMMUNES: Spec[] = [
  ['Xã Tịnh Khê', 'xã', C1],
  ['Xã An Phú', 'xã', C1],
  ['Xã Trường Giang', 'xã', C1],
  ['Xã Ba Gia', 'xã', C1],
  [
    'Xã Bình Minh',
    'xã',
    C1,
    [
      ['BS-X11', 'Xã Bình Khương'],
      ['BS-X02', 'Xã Bình An'],
      ['BS-X13', 'Xã Bình Minh'],
    ],
  ],
  [
    'Xã Bình Chương',
    'xã',
    C1,
    [
      ['BS-X14', 'Xã Bình Mỹ'],
      ['BS-X05', 'Xã Bình Chương'],
    ],
  ],
  [
    'Xã Bình Sơn',
    'xã',
    C1,
    [
      ['BS-X01', 'Thị trấn Châu Ổ'],
      ['BS-X19', 'Xã Bình Thạnh'],
      ['BS-X03', 'Xã Bình Chánh'],
      ['BS-X07', 'Xã Bình Dương'],
      ['BS-X15', 'Xã Bình Nguyên'],
      ['BS-X22', 'Xã Bình Trung'],
      ['BS-X12', 'Xã Bình Long'],
    ],
  ],
  [
    'Xã Vạn Tường',
    'xã',
    C1,
    [
      ['BS-X20', 'Xã Bình Thuận'],
      ['BS-X06', 'Xã Bình Đông'],
      ['BS-X21', 'Xã Bình Trị'],
      ['BS-X08', 'Xã Bình Hải'],
      ['BS-X10', 'Xã Bình Hòa'],
      ['BS-X16', 'Xã Bình Phước'],
    ],
  ],
  [
    'Xã Đông Sơn',
    'xã',
    C1,
    [
      ['BS-X09', 'Xã Bình Hiệp'],
      ['BS-X18', 'Xã Bình Thanh'],
      ['BS-X17', 'Xã Bình Tân Phú'],
      ['BS-X04', 'Xã Bình Châu'],
      ['ST-X01', 'Xã Tịnh Hòa'],
    ],
  ],
  ['Phường Cẩm Thành', 'phường', C2],
  ['Phường Nghĩa Lộ', 'phường', C2],
  ['Phường Trương Quang Trọng', 'phường', C2],
  ['Phường Đức Phổ', 'phường', C2],
  ['Phường Sa Huỳnh', 'phường', C2],
  ['Phường Kon Tum', 'phường', C2],
  ['Phường Đăk Bla', 'phường', C2],
  ['Đặc khu Lý Sơn', 'đặc khu', C2],
  ['Xã Nguyễn Nghiêm', 'xã', C3],
  ['Xã Khánh Cường', 'xã', C3],
  ['Xã Ba Xa', 'xã', C3],
  ['Xã Đăk Long', 'xã', C3],
  ['Xã Rờ Kơi', 'xã', C3],
  ['Xã Mô Rai', 'xã', C3],
  ['Xã Ia Đal', 'xã', C3],
];

const DEPARTMENTS: Spec[] = [
  ['Văn phòng UBND tỉnh', 'sở, ban, ngành', ''],
  [
    'Sở Nội vụ',
    'sở, ban, ngành',
    '',
    [
      ['SNV-2024', 'Sở Nội vụ (trước hợp nhất)'],
      ['SLDTBXH-2024', 'Sở Lao động - Thương binh và Xã hội'],
    ],
  ],
  ['Sở Tư pháp', 'sở, ban, ngành', ''],
  [
    'Sở Tài chính',
    'sở, ban, ngành',
    '',
    [
      ['STC-2024', 'Sở Tài chính (trước hợp nhất)'],
      ['SKHDT-2024', 'Sở Kế hoạch và Đầu tư'],
    ],
  ],
  ['Sở Công Thương', 'sở, ban, ngành', ''],
  [
    'Sở Nông nghiệp và Môi trường',
    'sở, ban, ngành',
    '',
    [
      ['SNNPTNT-2024', 'Sở Nông nghiệp và Phát triển nông thôn'],
      ['STNMT-2024', 'Sở Tài nguyên và Môi trường'],
    ],
  ],
  [
    'Sở Xây dựng',
    'sở, ban, ngành',
    '',
    [
      ['SXD-2024', 'Sở Xây dựng (trước hợp nhất)'],
      ['SGTVT-2024', 'Sở Giao thông vận tải'],
    ],
  ],
  [
    'Sở Khoa học và Công nghệ',
    'sở, ban, ngành',
    '',
    [
      ['SKHCN-2024', 'Sở Khoa học và Công nghệ (trước hợp nhất)'],
      ['STTTT-2024', 'Sở Thông tin và Truyền thông'],
    ],
  ],
  ['Sở Văn hóa, Thể thao và Du lịch', 'sở, ban, ngành', ''],
  ['Sở Giáo dục và Đào tạo', 'sở, ban, ngành', ''],
  ['Sở Y tế', 'sở, ban, ngành', ''],
  ['Sở Dân tộc và Tôn giáo', 'sở, ban, ngành', ''],
  ['Thanh tra tỉnh', 'sở, ban, ngành', ''],
];

const pad = (n: number) => String(n).padStart(2, '0');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/^(xa|phuong|dac khu|so)\s+/, '')
    .replace(/[^a-z0-9]+/g, '');

const specs = [
  ...COMMUNES.map((s, i) => ({ s, code: `QN-X${pad(i + 1)}`, rubricId: DEFAULT_RUBRIC_IDS.commune })),
  ...DEPARTMENTS.map((s, i) => ({ s, code: `QN-S${pad(i + 1)}`, rubricId: DEFAULT_RUBRIC_IDS.agency })),
];

/** Not submitted by the deadline (synthetic): one ward and one department. */
const LATE = new Set(['QN-X14', 'QN-S12']);

const units = specs.map(({ s: [name, type, group], code, rubricId }) => ({
  code,
  name,
  type,
  group: group || PROVINCE_GROUPS.departments,
  rubricId,
  email: `${slug(name)}.quangngai@example.com`,
  gates: code === 'QN-X08' ? 'G2' : null, // Vạn Tường: mass complaints this year (synthetic)
  status: LATE.has(code) ? 'Đang chấm' : 'Đã nộp',
}));

/** Old unit → new unit, for `Sắp xếp đơn vị`. */
const merges = specs.flatMap(({ s: [name, , , merged], code }) =>
  (merged ?? []).map(([oldCode, oldName]) => ({ code, name, oldCode, oldName })),
);

/** Synthetic 2024 results: the old units of each merge, and the unchanged units under their own code. */
const previous = [
  ...merges.map((m, i) => ({ code: m.oldCode, name: m.oldName, total: roundHalfUp(74 + ((i * 29) % 23), 2) })),
  ...specs
    .filter(({ s }) => !s[3] && !s[1].startsWith('phường'))
    .map(({ s, code }, i) => ({ code, name: s[0], total: roundHalfUp(76 + ((i * 31) % 21), 2) })),
].map((p) => ({
  ...p,
  level: p.total >= 90 ? 'Hoàn thành xuất sắc nhiệm vụ' : p.total >= 70 ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành nhiệm vụ',
}));

const QUALITY: Record<string, number> = {
  'QN-X01': 0.95,
  'QN-X05': 0.93,
  'QN-X07': 0.87,
  'QN-X08': 0.96,
  'QN-X10': 0.94,
  'QN-X18': 0.58,
  'QN-X23': 0.45,
  'QN-S02': 0.95,
  'QN-S05': 0.62,
  'QN-S09': 0.93,
};

/** Entries of the province sample: a spread over the levels, one appraisal drop, two bad entries, two late units. */
export function provinceEntries(rubrics: Record<string, Rubric>): SampleEntries {
  const out = syntheticEntries(units, rubrics, QUALITY, 2000);
  // Sở Nội vụ's appraisal team: Xã Bình Sơn drops by 7 points.
  const bs = out['QN-X07'];
  if (bs)
    for (const [code, cut] of Object.entries({ 'X1.1': 1, 'X3.1': 2, 'X5.2': 2, 'X7.2': 2 })) {
      if (typeof bs[code]?.self === 'number') {
        bs[code].appraised = Math.max(0, bs[code].self - cut);
        bs[code].reason = SAMPLE_REASON;
      }
    }
  if (out['QN-X12']?.['X3.1']) out['QN-X12']['X3.1'].self = 7.5; // above the maximum of 6
  if (out['QN-S04']) out['QN-S04']['P3'] = { self: -2, evidence: 'Sổ theo dõi báo cáo (giả lập)', note: SYNTHETIC_NOTE }; // wrong sign
  for (const code of LATE) if (out[code]) out[code] = Object.fromEntries(Object.entries(out[code]).slice(0, 6));
  return out;
}

const config: Partial<Record<ConfigKey, Cell>> = {
  year: 2025,
  province: 'Quảng Ngãi',
  parentBody: '',
  issuingBody: 'ỦY BAN NHÂN DÂN | TỈNH QUẢNG NGÃI',
  place: 'Quảng Ngãi',
  area: 'tỉnh Quảng Ngãi',
  deadline: '15/11/2025',
  reportNumber: '',
  reportDate: '19/12/2025',
  decisionNumber: '',
  decisionDate: '22/12/2025',
  addressee: 'Bộ Nội vụ',
  reportRecipients:
    'Bộ Nội vụ; Ban Dân vận Trung ương; Thường trực Tỉnh ủy; Thường trực HĐND tỉnh; Ban Dân vận Tỉnh ủy; Ủy ban MTTQ Việt Nam tỉnh; CT, các PCT UBND tỉnh; Sở Nội vụ',
  decisionRecipients: 'Như Điều 3; Bộ Nội vụ; Thường trực Tỉnh ủy; Ban Dân vận Tỉnh ủy; CT, các PCT UBND tỉnh',
  decisionAuthority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
  decisionBases:
    'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025 | ' +
    'Căn cứ Nghị quyết số 1677/NQ-UBTVQH15 ngày 16 tháng 6 năm 2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi năm 2025 | ' +
    'Căn cứ Quyết định số 1211/QĐ-UBND ngày 02 tháng 11 năm 2022 của UBND tỉnh Quảng Ngãi ban hành Quy định tiêu chí, thang điểm và phương pháp đánh giá, phân loại công tác dân vận của các cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập trên địa bàn tỉnh | ' +
    'Theo đề nghị của Giám đốc Sở Nội vụ',
  reportBasis:
    'Thực hiện Công văn số 1234/BNV-CQĐP ngày 03/11/2025 của Bộ Nội vụ về việc báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2025 (số, ngày giả lập)',
  reportSignAuthority: 'TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH',
  decisionSignAuthority: 'KT. CHỦ TỊCH',
  signTitle: 'PHÓ CHỦ TỊCH',
  signerName: 'Trần Thị Mẫu',
  drafterCode: 'SNV',
  step: 0.25,
  bonusCap: null,
};

const narrative: Record<string, string> = {
  'Tiếp công dân, giải quyết khiếu nại, tố cáo':
    '(Dữ liệu mẫu) Trung tâm phục vụ hành chính công và UBND các xã, phường, đặc khu duy trì tiếp công dân định kỳ; trong năm đã tiếp {{so_lieu_tcd}} công dân, xử lý {{so_lieu_don}}.\n' +
    '(Dữ liệu mẫu) Chủ tịch UBND tỉnh và Chủ tịch UBND cấp xã đã giải quyết {{so_lieu_kntc}} thuộc thẩm quyền.',
  'Cải cách hành chính':
    '(Dữ liệu mẫu) Sau sắp xếp, thủ tục hành chính cấp xã được tiếp nhận tại Trung tâm phục vụ hành chính công; hồ sơ giải quyết đúng hạn {{so_lieu_tthc}}.',
  'Dân vận khéo':
    '(Dữ liệu mẫu) Các sở, ban, ngành và xã, phường, đặc khu đăng ký mô hình “Dân vận khéo” theo cụm thi đua, tập trung vào ổn định tổ chức bộ máy sau sắp xếp và phục vụ người dân.',
  'Tình hình chung':
    '(Dữ liệu mẫu) Năm 2025 là năm đầu tỉnh Quảng Ngãi (mới) vận hành chính quyền địa phương hai cấp từ ngày 01/7/2025; Sở Nội vụ trực tiếp hướng dẫn, thẩm định kết quả công tác dân vận chính quyền của các xã, phường, đặc khu (dữ liệu mẫu gồm 24 trong số 96 đơn vị cấp xã) và các sở, ban, ngành.',
  'Công tác lãnh đạo, chỉ đạo':
    '(Dữ liệu mẫu) UBND tỉnh ban hành kế hoạch thực hiện công tác dân vận chính quyền năm 2025; chỉ đạo các sở, ban, ngành và UBND các xã, phường, đặc khu tự đánh giá, chấm điểm và nộp hồ sơ đúng thời hạn; Sở Nội vụ phối hợp Ban Dân vận Tỉnh ủy thẩm định.',
  'Kết quả đạt được':
    '(Dữ liệu mẫu) Việc sắp xếp đơn vị hành chính được triển khai đúng tiến độ, bảo đảm hoạt động thông suốt; tinh thần, thái độ phục vụ Nhân dân của cán bộ, công chức tại Trung tâm phục vụ hành chính công cấp xã được nâng lên; mô hình “Dân vận khéo” tiếp tục được duy trì.',
  'Hạn chế, vướng mắc':
    '(Dữ liệu mẫu) Một số xã mới hình thành còn lúng túng trong lập hồ sơ tự chấm điểm, tài liệu kiểm chứng chưa đầy đủ; hai đơn vị nộp hồ sơ chậm.',
  'Nguyên nhân':
    '(Dữ liệu mẫu) Bộ máy cấp xã mới kiện toàn, cán bộ, công chức đảm nhiệm nhiều việc; việc bàn giao hồ sơ từ các đơn vị cũ chưa đồng bộ.',
  'Nhiệm vụ năm tới':
    '(Dữ liệu mẫu) Tiếp tục thực hiện Chỉ thị số 33/CT-TTg; hướng dẫn thống nhất hồ sơ tự chấm điểm cho các xã, phường, đặc khu; đẩy mạnh phong trào thi đua “Dân vận khéo” theo cụm thi đua.',
  'Đề xuất, kiến nghị':
    '(Dữ liệu mẫu) Đề nghị Bộ Nội vụ sớm ban hành hướng dẫn tiêu chí đánh giá công tác dân vận chính quyền phù hợp mô hình chính quyền địa phương hai cấp.',
};

/**
 * The outline of `Nội dung báo cáo`: the seed outline with the texts above, II.3 split into
 * tiểu mục a), b) as the real reports do (seed 002: «a) Tổng số đơn», «b) Phân loại, xử lý đơn»…).
 */
function provinceOutline(): OutlineRow[] {
  const rows = fromNarrative(narrative);
  const at = rows.findIndex((r) => r.heading.startsWith('Công tác tiếp công dân'));
  const [reception, settled] = rows[at].text.split('\n');
  rows.splice(
    at,
    1,
    { ...rows[at], text: '' },
    { level: 3, number: '', heading: 'Tiếp công dân, xử lý đơn', text: reception },
    { level: 3, number: '', heading: 'Giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh', text: settled },
  );
  return rows;
}

/** `Số liệu` (synthetic figures of the province). */
const indicators = defaultIndicatorRows({ TCD: [2184, null], DON: [3012, 3075], KNTC: [241, 256], TTHC: [96120, 97004] });

export const PROVINCE_SAMPLE = { config, units, narrative, outline: provinceOutline(), previous, merges, indicators };
