import type { LeadIndustry } from './registry.tables';

/**
 * The industry classes (GB/T 4754-2017 国民经济行业分类, 4-digit classes with their section letter) that the
 * synthetic enterprise registry draws from, and Quzhou's six lead industries mapped onto them: new materials
 * (C26 chemicals, C30 non-metallic materials), new energy (C38), integrated circuits (C39), smart equipment
 * (C34/C35), life and health (C27), special paper (C22).
 */
export interface IndustryClass {
  code: string;
  name: string;
  lead: LeadIndustry | null;
  /** The word an enterprise name carries for this class (…新材料有限公司). */
  nameWord: string;
  /** What a farm of this class grows or raises (agriculture only). */
  product?: string;
  /**
   * [assume] Relative frequency by registration type: companies (91), individual businesses (92), farmer
   * cooperatives (93). Lead industries are ≈ 20 % of companies, other manufacturing ≈ 15 %, so that with the
   * above-scale odds in generate-enterprises.ts about 12 % of the registry is 规上.
   */
  weight: { company?: number; individual?: number; cooperative?: number };
}

export const LEAD_INDUSTRIES: readonly LeadIndustry[] = [
  'new_materials',
  'new_energy',
  'integrated_circuits',
  'smart_equipment',
  'life_health',
  'special_paper',
];

/** Chinese names of the lead industries, for display. */
export const LEAD_INDUSTRY_NAMES: Readonly<Record<LeadIndustry, string>> = {
  new_materials: '新材料',
  new_energy: '新能源',
  integrated_circuits: '集成电路',
  smart_equipment: '智能装备',
  life_health: '生命健康',
  special_paper: '特种纸',
};

type Row = [
  code: string,
  name: string,
  lead: LeadIndustry | null,
  nameWord: string,
  weight: IndustryClass['weight'],
  product?: string,
];

const ROWS: Row[] = [
  // A 农、林、牧、渔业
  ['A0111', '稻谷种植', null, '粮食', { company: 0.5, cooperative: 15 }, '水稻'],
  ['A0141', '蔬菜种植', null, '蔬菜', { company: 0.5, cooperative: 15 }, '蔬菜'],
  ['A0142', '食用菌种植', null, '食用菌', { company: 0.3, cooperative: 8 }, '食用菌'],
  ['A0153', '柑橘类种植', null, '果业', { company: 0.6, cooperative: 15 }, '胡柚'],
  ['A0159', '其他水果种植', null, '果业', { company: 0.3, cooperative: 8 }, '猕猴桃'],
  ['A0162', '含油果种植', null, '油茶', { company: 0.5, cooperative: 10 }, '油茶'],
  ['A0164', '茶叶种植', null, '茶业', { company: 0.6, cooperative: 12 }, '茶叶'],
  ['A0171', '中草药种植', null, '中药材', { company: 0.3, cooperative: 5 }, '中药材'],
  ['A0313', '猪的饲养', null, '生猪', { company: 0.8, cooperative: 5 }, '生猪'],
  ['A0323', '鹅的饲养', null, '白鹅', { company: 0.2, cooperative: 4 }, '白鹅'],
  ['A0412', '内陆养殖', null, '水产', { company: 0.2, cooperative: 3 }, '淡水鱼'],
  // C22 造纸和纸制品业 — special paper (特种纸)
  ['C2211', '木竹浆制造', 'special_paper', '浆业', { company: 0.5 }],
  ['C2221', '机制纸及纸板制造', 'special_paper', '纸业', { company: 1.2 }],
  ['C2223', '加工纸制造', 'special_paper', '特种纸', { company: 1.8 }],
  ['C2239', '其他纸制品制造', 'special_paper', '纸制品', { company: 0.6 }],
  // C26 化学原料和化学制品制造业, C30 非金属矿物制品业 — new materials (新材料)
  ['C2614', '有机化学原料制造', 'new_materials', '化工', { company: 0.9 }],
  ['C2619', '其他基础化学原料制造', 'new_materials', '化学', { company: 0.5 }],
  ['C2651', '初级形态塑料及合成树脂制造', 'new_materials', '新材料', { company: 0.8 }],
  ['C2652', '合成橡胶制造', 'new_materials', '橡胶', { company: 0.3 }],
  ['C2653', '合成纤维单（聚合）体制造', 'new_materials', '新材料', { company: 0.3 }],
  ['C2661', '化学试剂和助剂制造', 'new_materials', '化学', { company: 0.6 }],
  ['C2662', '专项化学用品制造', 'new_materials', '电子化学', { company: 0.5 }],
  ['C3061', '玻璃纤维及制品制造', 'new_materials', '玻纤', { company: 0.3 }],
  ['C3091', '石墨及碳素制品制造', 'new_materials', '碳材料', { company: 0.3 }],
  ['C3099', '其他非金属矿物制品制造', 'new_materials', '新材料', { company: 0.5 }],
  // C38 电气机械和器材制造业 — new energy (新能源)
  ['C3811', '发电机及发电机组制造', 'new_energy', '电机', { company: 0.4 }],
  ['C3824', '电力电子元器件制造', 'new_energy', '电力电子', { company: 0.5 }],
  ['C3825', '光伏设备及元器件制造', 'new_energy', '光伏', { company: 0.7 }],
  ['C3841', '锂离子电池制造', 'new_energy', '锂电', { company: 1.0 }],
  ['C3849', '其他电池制造', 'new_energy', '新能源', { company: 0.4 }],
  // C39 计算机、通信和其他电子设备制造业 — integrated circuits (集成电路)
  ['C3972', '半导体分立器件制造', 'integrated_circuits', '半导体', { company: 0.4 }],
  ['C3973', '集成电路制造', 'integrated_circuits', '集成电路', { company: 0.6 }],
  ['C3976', '光电子器件制造', 'integrated_circuits', '光电', { company: 0.3 }],
  ['C3981', '电阻电容电感元件制造', 'integrated_circuits', '电子', { company: 0.4 }],
  ['C3982', '电子电路制造', 'integrated_circuits', '电路', { company: 0.4 }],
  ['C3985', '电子专用材料制造', 'integrated_circuits', '电子材料', { company: 0.5 }],
  // C34 通用设备制造业, C35 专用设备制造业 — smart equipment (智能装备)
  ['C3441', '泵及真空设备制造', 'smart_equipment', '泵业', { company: 0.6 }],
  ['C3443', '阀门和旋塞制造', 'smart_equipment', '阀门', { company: 0.6 }],
  ['C3451', '滚动轴承制造', 'smart_equipment', '轴承', { company: 0.7 }],
  ['C3491', '工业机器人制造', 'smart_equipment', '智能装备', { company: 0.5 }],
  ['C3511', '矿山机械制造', 'smart_equipment', '机械', { company: 0.5 }],
  ['C3562', '半导体器件专用设备制造', 'smart_equipment', '装备', { company: 0.3 }],
  ['C3572', '机械化农业及园艺机具制造', 'smart_equipment', '农机', { company: 0.5 }],
  // C27 医药制造业 — life and health (生命健康)
  ['C2710', '化学药品原料药制造', 'life_health', '药业', { company: 0.6 }],
  ['C2720', '化学药品制剂制造', 'life_health', '制药', { company: 0.5 }],
  ['C2730', '中药饮片加工', 'life_health', '中药', { company: 0.5 }],
  ['C2740', '中成药生产', 'life_health', '药业', { company: 0.3 }],
  ['C2761', '生物药品制造', 'life_health', '生物', { company: 0.4 }],
  ['C2770', '卫生材料及医药用品制造', 'life_health', '医疗用品', { company: 0.5 }],
  // Other manufacturing
  ['C1331', '食用植物油加工', null, '油脂', { company: 1.2 }],
  ['C1373', '水果和坚果加工', null, '食品', { company: 1.2 }],
  ['C1530', '精制茶加工', null, '茶叶', { company: 1.0 }],
  ['C2110', '木质家具制造', null, '家具', { company: 1.8 }],
  ['C2929', '塑料零件及其他塑料制品制造', null, '塑业', { company: 1.6 }],
  ['C3011', '水泥制造', null, '水泥', { company: 0.6 }],
  ['C3021', '水泥制品制造', null, '建材', { company: 1.2 }],
  ['C3130', '钢压延加工', null, '钢业', { company: 1.2 }],
  ['C3311', '金属结构制造', null, '钢结构', { company: 2.2 }],
  ['C3670', '汽车零部件及配件制造', null, '汽配', { company: 2.0 }],
  // Construction and services
  ['E4710', '住宅房屋建筑', null, '建设', { company: 8 }],
  ['F5123', '果品、蔬菜批发', null, '农产品', { company: 4, individual: 10 }],
  ['F5211', '百货零售', null, '百货', { company: 3, individual: 12 }],
  ['F5212', '超级市场零售', null, '超市', { company: 3, individual: 10 }],
  ['F5223', '果品、蔬菜零售', null, '果蔬', { company: 1, individual: 8 }],
  ['G5431', '普通货物道路运输', null, '物流', { company: 6, individual: 5 }],
  ['H6110', '旅游饭店', null, '酒店', { company: 2 }],
  ['H6210', '正餐服务', null, '餐饮', { company: 3, individual: 20 }],
  ['H6220', '快餐服务', null, '快餐', { company: 1, individual: 10 }],
  ['I6513', '应用软件开发', null, '科技', { company: 5 }],
  ['K7010', '房地产开发经营', null, '置业', { company: 4 }],
  ['M7320', '工程和技术研究和试验发展', null, '技术', { company: 3 }],
  ['O8010', '家庭服务', null, '家政', { company: 3, individual: 10 }],
  ['O8111', '汽车修理与维护', null, '汽修', { company: 2, individual: 15 }],
];

export const INDUSTRY_CLASSES: readonly IndustryClass[] = ROWS.map(
  ([code, name, lead, nameWord, weight, product]) => ({
    code,
    name,
    lead,
    nameWord,
    weight,
    ...(product ? { product } : {}),
  }),
);

/** The class with this code, or undefined. */
export function industryClass(code: string): IndustryClass | undefined {
  return INDUSTRY_CLASSES.find((c) => c.code === code);
}
