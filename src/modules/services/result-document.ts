import type { DivisionService } from '../../kernel/divisions';
import type { CaseRecord } from './case-record';
import type { ItemDefinition } from './catalogue';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const DEPARTMENT_NAMES: Readonly<Record<string, string>> = {
  human_resources: '人力资源和社会保障局',
  public_security: '公安局',
  market: '市场监督管理局',
  provident_fund: '住房公积金管理中心',
  education: '教育局',
  medical_insurance: '医疗保障局',
  civil_affairs: '民政局',
  health: '卫生健康委员会',
};

/** Asia/Shanghai date in Chinese, e.g. 2026年6月15日. */
const chineseDate = (iso: string) => {
  const date = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
};

/**
 * 办结结果 — the result of an approved case as a printable A4 page (the browser's "print to PDF" gives the file):
 * the result's name and number, the holder (ID masked on paper), the item, the issuing office and the date, and a
 * line to verify it by its number. Inline CSS only; no script.
 */
export function resultDocument(record: CaseRecord, item: ItemDefinition, divisions: DivisionService): string {
  const office = `${divisions
    .path(record.handlingDivision)
    .filter((d) => d.level !== 'province')
    .map((d) => d.name)
    .join('')}${DEPARTMENT_NAMES[record.department] ?? record.department}`;
  const holderId =
    record.applicantType === 'resident'
      ? `${record.applicantId.slice(0, 6)}********${record.applicantId.slice(14)}`
      : record.applicantId;
  const rows: [string, string][] = [
    ['编号 No.', record.resultNumber ?? ''],
    ['持有人 Holder', record.applicantName],
    [record.applicantType === 'resident' ? '身份证号 ID' : '统一社会信用代码 USCC', holderId],
    ['事项 Service', `${item.name.zh} ${item.name.en}`],
    ['办件编号 Case', record.id],
    ['办结日期 Date', record.decidedAt ? chineseDate(record.decidedAt) : ''],
    ['出具机关 Issued by', office],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(item.result.name.zh)} ${escapeHtml(record.resultNumber ?? '')}</title>
<style>
@page { size: A4; margin: 20mm; }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; color: #111; max-width: 170mm; margin: 0 auto; }
h1 { text-align: center; font-size: 26px; letter-spacing: 6px; margin: 24px 0 4px; }
p.en { text-align: center; color: #555; margin: 0 0 24px; }
table { width: 100%; border-collapse: collapse; font-size: 15px; }
th, td { border: 1px solid #999; padding: 10px; text-align: left; }
th { width: 34%; background: #f5f5f5; font-weight: normal; }
.seal { margin-top: 36px; text-align: right; font-size: 15px; }
.note { margin-top: 28px; font-size: 12px; color: #555; }
</style></head>
<body>
<h1>${escapeHtml(item.result.name.zh)}</h1>
<p class="en">${escapeHtml(item.result.name.en)}</p>
<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<div class="seal">${escapeHtml(office)}<br>${record.decidedAt ? escape(chineseDate(record.decidedAt)) : ''}</div>
<p class="note">本文件由三衢一网通办平台生成，可凭编号在办件查询中核验。This document was issued through Sanqu; verify it by its number.</p>
</body></html>`;
}
