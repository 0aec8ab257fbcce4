import { chinaTime } from '../../kernel/exchange';
import type { CreditReport, ReportMonth } from './green-finance-report';

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const number = (x: number | null, digits = 2) =>
  x === null
    ? '—'
    : x.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const TREND = { falling: '下降', flat: '基本持平', rising: '上升' } as const;
const STATUS = { closed: '已结算', provisional: '暂估' } as const;
const LABEL_COLOUR = { 深绿: '#1b5e20', 浅绿: '#66bb6a', 黄: '#f9a825', 红: '#c62828' } as const;

/** Monthly emissions as bars, in the page's own SVG so it prints without scripts or network. */
function emissionsChart(months: readonly ReportMonth[]): string {
  if (months.length === 0) return '';
  const width = 640;
  const height = 160;
  const max = Math.max(...months.map((m) => m.totalTonnes), 1);
  const slot = width / months.length;
  const bars = months
    .map((m, i) => {
      const h = Math.round((m.totalTonnes / max) * (height - 30));
      const x = Math.round(i * slot + slot * 0.15);
      const fill = m.label ? LABEL_COLOUR[m.label] : '#90a4ae';
      return `<rect x="${x}" y="${height - 18 - h}" width="${Math.round(slot * 0.7)}" height="${h}" fill="${fill}"/><text x="${Math.round(i * slot + slot / 2)}" y="${height - 4}" font-size="10" text-anchor="middle">${html(m.period.slice(2))}</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="月度碳排放（吨）">${bars}</svg>`;
}

/**
 * The printable 碳征信报告: one A4 page per report in Chinese, self-contained (inline CSS and SVG, no scripts), with
 * the reader and the time of the read so a printed copy says who pulled it.
 */
export function renderCreditReportHtml(
  report: CreditReport,
  reader: { organisation: string | null; requestId: string },
): string {
  const { enterprise, summary, efficiency, label, suggestedRate: rate } = report;
  const rows = report.months
    .map(
      (m) =>
        `<tr><td>${html(m.period)}</td><td>${STATUS[m.status]}${m.unconfirmedRows > 0 ? `（${m.unconfirmedRows} 条待确认）` : ''}</td><td class="n">${number(m.totalTonnes)}</td><td class="n">${number(m.valueAdded, 2)}</td><td class="n">${number(m.intensity, 4)}</td><td>${m.level ?? '—'}</td><td>${m.grade ?? '—'}</td><td>${m.label ?? '—'}</td></tr>`,
    )
    .join('');
  const dimensions = (label?.explanation?.dimensions ?? [])
    .map((d) => `<li>${html(d.explanation.zh)}</li>`)
    .join('');
  const factors = report.factors
    .map(
      (f) =>
        `<tr><td>${html(f.id)}</td><td>${html(f.kind)}</td><td class="n">${f.value}</td><td>${html(f.unit)}</td><td>${html(f.source)}${f.year ? `（${f.year}）` : ''}${f.fallback ? '（沿用最近年份）' : ''}</td></tr>`,
    )
    .join('');
  const reportPeriod = report.window ? `${report.window.from} 至 ${report.window.to}` : '尚无已结算月份';
  const missing = report.missingPeriods.length
    ? `<p class="note">缺少数据的月份：${report.missingPeriods.join('、')}</p>`
    : '';
  const pending = summary.unconfirmedPeriods.length
    ? `<p class="note pending">待确认月份：${summary.unconfirmedPeriods.join('、')}，共 ${summary.unconfirmedRows} 条活动数据因数值异常待主管部门确认，确认前不计入排放，上表排放与强度偏低；这些月份不评碳效等级和四色标签，也不计入强度趋势。${efficiency ? `碳效、标签与建议利率取自最近一个无待确认数据的已结算月份 ${efficiency.period}` : '报告期内没有无待确认数据的已结算月份，故暂不给出碳效、标签与建议利率'}。</p>`
    : '';
  const rateBlock = rate
    ? `<p>建议利率：<strong>${rate.ratePercent}</strong> = 1年期 LPR ${(rate.lprBasisPoints / 100).toFixed(2)}%（${html(rate.lprEffectiveFrom)}）${rate.spreadBasisPoints >= 0 ? '+' : '−'} ${Math.abs(rate.spreadBasisPoints)} 个基点（${html(rate.label)}）</p><p class="note">LPR 来源：${html(rate.lprSource)}。加点表版本 ${html(rate.tableVersion)}${rate.spreadBasis === 'assumption' ? '，为平台暂定假设，非公布标准' : ''}；仅供参考，不构成定价。</p>`
    : '<p>建议利率：暂无（尚无无待确认数据的已结算月份的四色标签）</p>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>碳征信报告 ${html(enterprise.name)}</title>
<style>
@page { size: A4; margin: 15mm 14mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; color: #222; max-width: 182mm; margin: 0 auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; } h2 { font-size: 12pt; border-bottom: 1px solid #999; margin: 5mm 0 2mm; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; font-size: 9pt; } th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } .meta td { border: none; padding: 0.5mm 0; }
.label { display: inline-block; padding: 0.5mm 3mm; color: #fff; border-radius: 2mm; } .note { font-size: 8.5pt; color: #555; }
.chart { width: 100%; height: auto; } tr, li { break-inside: avoid; }
@media print { a { color: inherit; text-decoration: none; } }
</style></head><body>
<h1>企业碳征信报告</h1>
<table class="meta">
<tr><td>企业名称：${html(enterprise.name)}</td><td>统一社会信用代码：${html(enterprise.uscc)}</td></tr>
<tr><td>所属行业：${html(enterprise.industryName)}（${html(enterprise.industryCode)}）</td><td>所在区划：${html(enterprise.countyCode)}</td></tr>
<tr><td>报告期：${html(reportPeriod)}</td><td>生成时间：${chinaTime(report.generatedAt)}（北京时间）</td></tr>
<tr><td>查询机构：${html(reader.organisation ?? '企业本人')}</td><td>查询编号：${html(reader.requestId)}</td></tr>
</table>
<h2>一、碳效与标签</h2>
<p>碳效码（DB33/T 1347-2023）：${efficiency ? `${efficiency.period} 等级 ${efficiency.grade ?? '—'} 级，${efficiency.level ?? '—'}，碳效比 K=${number(efficiency.k, 4)}，行业平均强度 ${number(efficiency.industryAverage, 4)} t/万元` : '暂无'}</p>
<p>四色标签：${label ? `<span class="label" style="background:${LABEL_COLOUR[label.label]}">${label.label}</span>（${label.period}）` : '暂无'}</p>
${label?.explanation ? `<ul>${dimensions}</ul><p class="note">${html(label.explanation.explanation.zh)}</p>` : ''}
<h2>二、近 12 个月排放与强度</h2>
<p>合计排放 ${number(summary.totalTonnes)} 吨 CO₂，增加值 ${number(summary.valueAdded)} 万元，综合强度 ${number(summary.intensity, 4)} t/万元（${summary.level ?? '—'}）；强度趋势：${summary.trend ? `${TREND[summary.trend]}（${number((summary.intensityChange ?? 0) * 100, 1)}%）` : '—'}</p>
${emissionsChart(report.months)}
<table><thead><tr><th>月份</th><th>状态</th><th>排放（吨）</th><th>增加值（万元）</th><th>强度（t/万元）</th><th>碳效水平</th><th>碳效等级</th><th>四色标签</th></tr></thead><tbody>${rows}</tbody></table>
${missing}
${pending}
<h2>三、建议贷款利率</h2>
${rateBlock}
<h2>四、排放因子来源</h2>
<table><thead><tr><th>因子版本</th><th>类别</th><th>数值</th><th>单位</th><th>来源</th></tr></thead><tbody>${factors}</tbody></table>
<p class="note">本报告经企业授权查询（用途：贷款评估），每次查询均已记录并向企业公开。数据来自衢州市碳账户平台月度结算结果。</p>
</body></html>
`;
}
