import { createHash } from "node:crypto";
import { translator } from "../../i18n/index.ts";
import type { Locale } from "../../schemas/common.ts";
import type { PeriodTotals, UsageReport } from "./report.ts";

/** The `/stats/` page and the Content-Security-Policy that goes with it. */
export interface StatsPage {
  html: string;
  csp: string;
}

const STYLE = `
body{font:16px/1.5 system-ui,"Noto Sans SC",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1c1917;background:#fff}
h1{font-size:1.75rem}h2{font-size:1.25rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{padding:.25rem .5rem;border-bottom:1px solid #d6d3d1;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
form{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}label{display:flex;flex-direction:column;font-weight:700}
input,button{font:inherit;min-height:44px;padding:0 .5rem}button{background:#7f1d1d;color:#fff;border:0;border-radius:.25rem;font-weight:700}
a{color:#7f1d1d}.privacy{border-left:4px solid #7f1d1d;padding:.5rem 1rem;background:#fafaf9}
svg{max-width:100%;height:auto}.bar-label{font-size:13px;fill:#1c1917}
`;

/** The SVG bars of a list: label, bar and number on one line each. */
function barChart(title: string, rows: { label: string; value: number }[]): string {
  if (rows.length === 0) return "";
  const max = Math.max(...rows.map((r) => r.value), 1);
  const lineHeight = 24;
  const labelWidth = 360;
  const barWidth = 340;
  const height = rows.length * lineHeight;
  const bars = rows
    .map((row, i) => {
      const y = i * lineHeight;
      const width = Math.max(1, Math.round((row.value / max) * barWidth));
      return (
        `<text class="bar-label" x="0" y="${y + 16}">${escapeHtml(truncate(row.label, 40))}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="16" fill="#b91c1c"></rect>` +
        `<text class="bar-label" x="${labelWidth + width + 6}" y="${y + 16}">${row.value}</text>`
      );
    })
    .join("");
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="${labelWidth + barWidth + 60}" height="${height}">${bars}</svg>`;
}

/** Vertical bars of page views per day. */
function dayChart(title: string, periods: PeriodTotals[]): string {
  if (periods.length < 2) return "";
  const max = Math.max(...periods.map((p) => p.views), 1);
  const step = Math.max(6, Math.min(40, Math.floor(800 / periods.length)));
  const height = 160;
  const bars = periods
    .map((p, i) => {
      const h = Math.max(1, Math.round((p.views / max) * (height - 20)));
      return `<rect x="${i * step}" y="${height - h}" width="${step - 2}" height="${h}" fill="#b91c1c"><title>${escapeHtml(`${p.period}: ${p.views}`)}</title></rect>`;
    })
    .join("");
  const width = periods.length * step;
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg>`;
}

/**
 * Renders the usage report as the `/stats/` page: a period form, per-day totals with a chart,
 * and the top lists with bars. SVG bars and one inline stylesheet whose hash is the only
 * style the page's CSP allows; no script, nothing from elsewhere.
 */
export function renderStatsPage(
  report: UsageReport,
  locale: Locale,
  links: { csv: string; icon: string },
): StatsPage {
  const tr = translator(locale);
  const { range } = report;
  const num = (n: number) => `<td class="n">${n}</td>`;
  const dayRows = [...report.periods, report.total]
    .map(
      (p) =>
        `<tr><td>${p.period === "total" ? "∑" : escapeHtml(p.period)}</td>${num(p.views)}${num(p.searches)}${num(p.noResult)}${num(p.opened)}${num(p.handouts)}${num(p.kioskResets)}${num(p.quizzes)}</tr>`,
    )
    .join("");
  const months = report.periods.filter((p) => p.period.length === 7).map((p) => p.period);
  const th = (key: Parameters<typeof tr>[0]) => `<th class="n" scope="col">${tr(key)}</th>`;
  const body =
    report.periods.length === 0
      ? `<p>${tr("stats.none")}</p>`
      : `${months.length ? `<p>${escapeHtml(tr("stats.months", { months: months.join(", ") }))}</p>` : ""}
<h2>${tr("stats.perDay")}</h2>
${dayChart(tr("stats.views"), report.periods)}
<table><thead><tr><th scope="col">${tr("stats.day")}</th>${th("stats.views")}${th("stats.searches")}${th("stats.noResult")}${th("stats.opened")}${th("stats.handouts")}${th("stats.kiosk")}${th("stats.quizzes")}</tr></thead><tbody>${dayRows}</tbody></table>
<h2>${tr("stats.topPages")}</h2>
${barChart(
  tr("stats.topPages"),
  report.pages.map((p) => ({ label: p.path, value: p.views })),
)}
<h2>${tr("stats.topSearches")}</h2>
${barChart(
  tr("stats.topSearches"),
  report.searches.map((s) => ({ label: s.query, value: s.searches })),
)}
<table><thead><tr><th scope="col">${tr("stats.query")}</th>${th("stats.searches")}${th("stats.results")}${th("stats.opened")}</tr></thead><tbody>${report.searches
          .map(
            (s) =>
              `<tr><td>${escapeHtml(s.query)}</td>${num(s.searches)}<td class="n">${s.results ?? "?"}</td>${num(s.opened)}</tr>`,
          )
          .join("")}</tbody></table>
<h2>${tr("stats.topNoResult")}</h2>
${
  report.noResult.length
    ? barChart(
        tr("stats.topNoResult"),
        report.noResult.map((s) => ({ label: s.query, value: s.noResult })),
      )
    : `<p>${tr("stats.none")}</p>`
}
${
  report.handouts.length
    ? `<h2>${tr("stats.handouts")}</h2>${barChart(
        tr("stats.handouts"),
        report.handouts.map((h) => ({ label: h.path, value: h.downloads })),
      )}`
    : ""
}`;
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="${escapeHtml(links.icon)}" type="image/svg+xml">
<title>${tr("stats.title")}</title><style>${STYLE}</style></head>
<body><main>
<h1>${tr("stats.title")}</h1>
<p class="privacy">${tr("stats.privacy")}</p>
<form method="get">
<label>${tr("stats.from")}<input type="date" name="from" value="${escapeHtml(range.from ?? "")}"></label>
<label>${tr("stats.to")}<input type="date" name="to" value="${escapeHtml(range.to ?? "")}"></label>
<button type="submit">${tr("stats.show")}</button>
</form>
<p>${escapeHtml(tr("stats.period", { from: range.from ?? tr("stats.anyDay"), to: range.to ?? tr("stats.anyDay") }))} · <a href="${escapeHtml(links.csv)}">${tr("stats.csv")}</a></p>
${body}
</main></body></html>`;
  const styleHash = createHash("sha256").update(STYLE).digest("base64");
  return {
    html,
    csp: `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  };
}

function truncate(text: string, chars: number): string {
  const all = Array.from(text);
  return all.length > chars ? `${all.slice(0, chars - 1).join("")}…` : text;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
