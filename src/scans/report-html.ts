import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/site-dir.ts';
import { escapeXml } from '../lib/xml.ts';
import type { PosterScans, ScanReport } from './scan-report.ts';

/** What the HTML report says about where it comes from. */
export interface HtmlReportInfo {
  /** The campaign's name, in its default locale, and that locale. */
  campaign: string;
  lang: string;
  /** The day the report was made (`2026-10-05`). */
  generated: string;
  files: number;
}

/**
 * The report's own rules on top of the site's stylesheet: the poster gallery's table, which on a
 * phone turns each row into a card of labelled lines, and the bars of the weekly charts.
 */
const REPORT_CSS = `
table.scans .number { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.scans svg { display: block; color: var(--brand); overflow: visible; }
table.scans svg .none { color: var(--line); }
details.days { margin-block: 1.5rem; }
details.days table { font-size: 0.85rem; }
@media (max-width: 52em) {
  table.scans, table.scans tbody, table.scans td { display: block; }
  table.scans thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.scans tbody tr { display: block; border: 1px solid var(--line); border-radius: 0.25rem; padding: 0.25rem 0.75rem 0.5rem; margin-bottom: 1rem; }
  table.scans tbody th, table.scans td { display: block; border: 0; padding: 0.3rem 0; text-align: start; }
  table.scans tbody th { font-size: 1.25rem; }
  table.scans td:not(.chart) { display: flex; flex-wrap: wrap; column-gap: 0.75rem; }
  table.scans td.number { text-align: start; }
  table.scans td.chart::before { content: attr(data-label); display: block; font-size: 0.85rem; font-weight: 600; color: var(--muted); }
  table.scans td:not(.chart)::before { content: attr(data-label); flex: 0 0 7rem; font-size: 0.85rem; font-weight: 600; line-height: 1.9; color: var(--muted); }
}
`;

/** The site's stylesheet, so the report looks like the poster gallery it sits beside. */
function siteCss(): string {
  return readFileSync(join(PROJECT_ROOT, 'src/styles/site.css'), 'utf8');
}

const esc = escapeXml;

/** A count with its thousands grouped, as the report's English text writes it: 12,345. */
const count = (n: number) => n.toLocaleString('en');

/** Width of a week's bar and the gap after it, and the chart's height, in CSS pixels. */
const BAR = 10;
const GAP = 3;
const HEIGHT = 40;

/**
 * A poster's unique scans per week as a small bar chart in inline SVG, on the scale of the busiest
 * week of any poster so rows compare at a glance. The numbers are in its accessible name and in
 * each bar's tooltip; nothing needs a script.
 */
function weekChart(poster: PosterScans, weeks: readonly string[], max: number): string {
  const width = Math.max(1, weeks.length * (BAR + GAP) - GAP);
  const label = `Unique scans by week: ${weeks.map((w) => `${w} ${count(poster.weeks.get(w) ?? 0)}`).join(', ')}`;
  const bars = weeks
    .map((week, i) => {
      const n = poster.weeks.get(week) ?? 0;
      // A week without scans still shows a thin line, so a gap reads as zero, not as missing data.
      const h = n ? Math.max(2, Math.round((n / max) * HEIGHT)) : 1;
      return `<rect x="${i * (BAR + GAP)}" y="${HEIGHT - h}" width="${BAR}" height="${h}" fill="currentColor"${n ? '' : ' class="none"'}><title>${esc(week)}: ${count(n)}</title></rect>`;
    })
    .join('');
  return `<svg role="img" aria-label="${esc(label)}" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

/**
 * The report as one self-contained HTML file in the poster gallery's look: a row per poster with
 * its place, target, paper, status, scans and a bar chart by week, then unique scans by day (folded,
 * open without a script) and the unknown codes. Every text from content or logs is escaped; it
 * loads nothing from anywhere.
 */
export function reportHtml(report: ScanReport, info: HtmlReportInfo): string {
  const max = Math.max(1, ...report.posters.flatMap((p) => [...p.weeks.values()]));
  const byWeek =
    report.weeks.length > 1 ? `By week, ${report.weeks[0]} to ${report.weeks.at(-1)}` : report.weeks.length ? `By week, ${report.weeks[0]}` : 'By week';
  const columns = ['Code', 'Place', 'Target', 'Paper', 'Status', 'Scans', 'Unique', byWeek];
  const period = report.days.length ? `from ${report.days[0]} to ${report.days.at(-1)}` : 'no scans in these logs';
  const rows = report.posters
    .map(
      (p) => `<tr data-code="${esc(p.code)}">
<th scope="row"><code>${esc(p.code)}</code></th>
<td data-label="Place">${esc(p.place)}</td>
<td data-label="Target">${esc(p.target)}</td>
<td data-label="Paper">${esc(p.paper)}</td>
<td data-label="Status">${esc(p.status)}</td>
<td data-label="Scans" class="number">${count(p.total)}</td>
<td data-label="Unique" class="number">${count(p.unique)}</td>
<td data-label="${esc(byWeek)}" class="chart">${report.weeks.length ? weekChart(p, report.weeks, max) : ''}</td>
</tr>`,
    )
    .join('\n');
  const scanned = report.posters.filter((p) => p.total > 0);
  const days = scanned.length
    ? `<details class="days"><summary>Unique scans by day</summary>
<table class="by-day"><thead><tr><th scope="col">Day</th>${scanned.map((p) => `<th scope="col"><code>${esc(p.code)}</code></th>`).join('')}</tr></thead>
<tbody>${report.days.map((d) => `<tr><th scope="row">${esc(d)}</th>${scanned.map((p) => `<td class="number">${count(p.days.get(d) ?? 0)}</td>`).join('')}</tr>`).join('\n')}</tbody></table></details>`
    : '';
  const unknown = report.unknown.length
    ? `<h2>Codes no poster has</h2>
<p>Requests by people for short links of codes no poster file has, whatever the answer (a mistyped link gets the 404 page):</p>
<ul class="unknown">${report.unknown.map(([code, n]) => `<li><code>${esc(code)}</code>: ${count(n)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Poster scans – ${esc(info.campaign)}</title>
<style>${siteCss()}${REPORT_CSS}</style>
</head>
<body>
<main id="main" class="wrap gallery">
<h1>Poster scans</h1>
<p class="lead"><span lang="${esc(info.lang)}">${esc(info.campaign)}</span>: ${esc(period)}. A scan is a visit to a poster’s short link by a person (bots and link previews left out); unique scans count each visitor once a day. Bars show unique scans per ISO week.</p>
<table class="posters scans">
<thead><tr>${columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${days}
${unknown}
<p class="meta">Made with npm run scans on ${esc(info.generated)} from ${info.files} log ${info.files === 1 ? 'file' : 'files'}. No addresses or user agents are kept.</p>
</main>
</body>
</html>
`;
}
