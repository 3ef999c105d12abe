// A small district by hand: 10 units in two groups, a tie, a unit capped by a gate, a unit not
// classified (not submitted), an XML-special unit name; ranked by the real core.
import type { Settings } from '../../../src/core/config';
import type { Unit, UnitScore } from '../../../src/core/types';
import type { PreviousResult, ReportInput } from '../../../src/core/report-model';
import { classifyAndRank, RankInput, summarize } from '../../../src/core/rank';
import { defaultScoringConfig } from '../../../src/core/default-rubrics';

export const XA = 'Xã, thị trấn';
export const PHONG = 'Phòng, ban';
export const SPECIAL_NAME = 'Xã A & B <C>';

export function sampleSettings(over: Partial<Settings> = {}): Settings {
  return {
    year: 2024,
    province: 'Quảng Ngãi',
    parentBody: '',
    issuingBody: ['ỦY BAN NHÂN DÂN', 'HUYỆN BÌNH SƠN'],
    place: 'Bình Sơn',
    area: 'huyện Bình Sơn',
    deadline: new Date(2024, 10, 15),
    appraisers: [],
    explanationDeadline: null,
    reportNumber: '285/BC-UBND',
    reportDate: new Date(2024, 11, 15),
    decisionNumber: '1520/QĐ-UBND',
    decisionDate: new Date(2024, 11, 16),
    addressee: 'Sở Nội vụ tỉnh Quảng Ngãi',
    reportRecipients: ['TT Huyện ủy, TT HĐND huyện', 'CT, PCT UBND huyện', 'Ban Dân vận Huyện ủy'],
    decisionRecipients: ['Sở Nội vụ tỉnh', 'CT, PCT UBND huyện', 'Lưu: VT'],
    decisionAuthority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN',
    decisionBases: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Quyết định số 1211/QĐ-UBND ngày 02/11/2022 của UBND tỉnh Quảng Ngãi ban hành Quy định tiêu chí, thang điểm và phương pháp đánh giá, phân loại công tác dân vận',
      'Theo đề nghị của Trưởng phòng Nội vụ huyện.',
    ],
    signAuthority: [],
    reportSignAuthority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
    decisionSignAuthority: [],
    reportBasis: '',
    signTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Phạm Quang Sự',
    drafterCode: 'NV',
    scoring: defaultScoringConfig(),
    driveFolderId: '',
    reportTemplateId: '',
    decisionTemplateId: '',
    ...over,
  };
}

interface Spec {
  code: string;
  name: string;
  group: string;
  total: number;
  self?: number;
  gates?: string[];
  reasons?: string[];
}

/** Expected ranking order of the classified units (ties broken by name). */
export const RANKED = [
  'Xã Bình Hải', // 95,5 HTXS
  'Xã Bình Châu', // 95 capped by G2 → HTT
  'Thị trấn Châu Ổ', // 92 HTXS
  'Phòng Y tế', // 91 HTXS
  'Phòng Nội vụ', // 85,5 HTT (tie, rank 5)
  'Xã Bình Thạnh', // 85,5 HTT (tie, rank 5)
  'Phòng Tư pháp', // 78,25 HTT
  SPECIAL_NAME, // 68 HT
  'Xã Bình Trị', // 45 KHT
];
export const RANKS = ['1', '2', '3', '4', '5', '5', '7', '8', '9'];

const SPECS: Spec[] = [
  { code: 'X04', name: 'Xã Bình Thạnh', group: XA, total: 85.5 },
  { code: 'X01', name: 'Xã Bình Hải', group: XA, total: 95.5, self: 96 },
  { code: 'X02', name: 'Xã Bình Châu', group: XA, total: 95, gates: ['G2'] },
  { code: 'X03', name: 'Thị trấn Châu Ổ', group: XA, total: 92 },
  { code: 'P01', name: 'Phòng Y tế', group: PHONG, total: 91 },
  { code: 'P02', name: 'Phòng Nội vụ', group: PHONG, total: 85.5 },
  { code: 'P03', name: 'Phòng Tư pháp', group: PHONG, total: 78.25, self: 82 },
  { code: 'X05', name: SPECIAL_NAME, group: XA, total: 68 },
  { code: 'X06', name: 'Xã Bình Trị', group: XA, total: 45 },
  { code: 'X07', name: 'Xã Bình Long', group: XA, total: 80, reasons: ['Chưa nộp kết quả'] },
];

function item(s: Spec): RankInput {
  const unit: Unit = {
    code: s.code,
    name: s.name,
    type: 'xã',
    group: s.group,
    rubricId: 'UBND_XA',
    email: '',
    gates: s.gates ?? [],
    status: s.reasons ? 'Đang chấm' : 'Đã nộp',
    link: '',
  };
  const score: UnitScore = {
    base: s.total,
    bonus: 0,
    penalty: 0,
    total: s.total,
    selfTotal: s.self ?? s.total,
    appraised: s.self !== undefined,
  };
  return { unit, score, notClassifiedReasons: s.reasons ?? [] };
}

export const PREVIOUS: PreviousResult[] = [
  { code: 'X01', name: 'Xã Bình Hải', total: 88, level: 'Hoàn thành tốt nhiệm vụ' }, // up
  { code: 'X02', name: 'Xã Bình Châu', total: 93, level: 'Hoàn thành xuất sắc nhiệm vụ' }, // down
  { code: 'X03', name: 'Thị trấn Châu Ổ', total: 91, level: 'Hoàn thành xuất sắc nhiệm vụ' },
  { code: 'P01', name: 'Phòng Y tế', total: 90, level: 'HTXS' },
  { code: 'X04', name: 'Xã Bình Thạnh', total: 80, level: 'Hoàn thành tốt nhiệm vụ' },
];

export function sampleInput(over: Partial<ReportInput> = {}, settings: Partial<Settings> = {}): ReportInput {
  const s = sampleSettings(settings);
  const results = classifyAndRank(SPECS.map(item), s.scoring);
  return {
    settings: s,
    results,
    summary: summarize(results, s.scoring),
    narrative: {
      'Tình hình chung': 'Bình Sơn là huyện nằm ở phía Bắc của tỉnh Quảng Ngãi.\nToàn huyện có 22 xã, thị trấn.',
      'Công tác lãnh đạo, chỉ đạo': 'UBND huyện ban hành Kế hoạch số 45/KH-UBND ngày 14/3/2024.',
      'Kết quả đạt được': 'Nhận thức về công tác dân vận chính quyền được nâng lên.',
      'Hạn chế, vướng mắc': 'Công tác tuyên truyền ở một số đơn vị chưa thường xuyên.',
      'Nguyên nhân': 'Cán bộ phụ trách kiêm nhiệm nhiều việc.',
      'Nhiệm vụ năm tới': 'Tiếp tục thực hiện phong trào "Dân vận khéo".',
      // «Đề xuất, kiến nghị» deliberately missing.
    },
    previous: PREVIOUS,
    today: new Date(2024, 11, 20),
    ...over,
  };
}
