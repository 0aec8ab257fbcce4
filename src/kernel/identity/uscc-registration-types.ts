/**
 * Registration department (登记管理部门, position 1) and organisation type (机构类别, position 2) of a USCC.
 * 1 机构编制, 5 民政, 9 工商 and Y 其他 follow GB 32100-2015 表1 (登记管理部门代码和机构类别代码). The other
 * departments (2-4, 6-8, A, N) come from the extended listing that public validators reproduce; it was not checked
 * against an official text, so treat them as best knowledge. A code outside this table is rejected.
 */
export const REGISTRATION_TYPES: Readonly<
  Record<string, { name: string; types: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** Organisation types allowed under a department; empty when the department code is unknown. */
export function allowedOrganisationTypes(department: string): string[] {
  return Object.keys(REGISTRATION_TYPES[department]?.types ?? {});
}
