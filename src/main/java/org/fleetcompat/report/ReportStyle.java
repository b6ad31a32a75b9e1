package org.fleetcompat.report;

/**
 * The report's style sheet, inlined into every page: system fonts, a layout that reads on a laptop
 * screen (max 1200 px wide) and prints on A4 or Letter (print rules drop the filters and the
 * navigation, keep charts within the page and start the big sections on a new page).
 */
final class ReportStyle {
  private ReportStyle() {}

  static final String CSS =
      """
      :root { --ink:#1d2530; --muted:#5b6675; --line:#d9dee5; --bg:#f6f8fa; --accent:#1f5fa8;
        --bad:#b3261e; --good:#1e7b34; --warn:#8a5a00; }
      * { box-sizing: border-box; }
      body { margin:0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
        Arial, sans-serif; color:var(--ink); background:#fff; }
      header.top { padding:18px 28px 10px; border-bottom:1px solid var(--line); background:var(--bg); }
      header.top h1 { margin:0 0 4px; font-size:20px; }
      header.top .meta { color:var(--muted); font-size:13px; }
      .status { display:inline-block; padding:1px 8px; border-radius:10px; font-weight:600; font-size:12px; }
      .status.ok { background:#e3f2e6; color:var(--good); }
      .status.bad { background:#fbe4e2; color:var(--bad); }
      nav { padding:6px 28px; border-bottom:1px solid var(--line); font-size:13px; position:sticky; top:0;
        background:#fff; z-index:2; }
      nav a { margin-right:16px; color:var(--accent); text-decoration:none; }
      main { max-width:1200px; margin:0 auto; padding:8px 28px 40px; }
      section { margin-top:26px; }
      h2 { font-size:17px; margin:0 0 4px; }
      h3 { font-size:14px; margin:16px 0 4px; }
      p.lead { margin:0 0 10px; color:var(--muted); max-width:900px; }
      .figures { display:grid; grid-template-columns:repeat(auto-fill, minmax(140px, 1fr)); gap:10px; margin-top:14px; }
      .figure { border:1px solid var(--line); border-radius:6px; padding:10px 12px; background:#fff; }
      .figure .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.03em; }
      .figure .value { font-size:24px; font-weight:650; margin-top:2px; }
      .figure .sub { color:var(--muted); font-size:12px; }
      .figure .change { font-size:12px; font-weight:600; }
      .worse { color:var(--bad); } .better { color:var(--good); } .same { color:var(--muted); }
      .chart { overflow-x:auto; }
      svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
      table { border-collapse:collapse; width:100%; font-size:13px; }
      th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
      th { background:var(--bg); font-weight:600; white-space:nowrap; }
      th.sortable { cursor:pointer; user-select:none; }
      th.sortable::after { content:" \\2195"; color:#9aa4b1; font-weight:400; }
      th.asc::after { content:" \\2191"; color:var(--ink); }
      th.desc::after { content:" \\2193"; color:var(--ink); }
      td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
      td.mono, span.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12px; }
      td.mono { white-space:nowrap; }
      .tablebox { max-height:420px; overflow:auto; border:1px solid var(--line); border-radius:6px; }
      .tools { display:flex; gap:12px; align-items:center; margin:6px 0; font-size:12px; color:var(--muted); }
      .tools input { font:inherit; padding:3px 6px; border:1px solid var(--line); border-radius:4px; width:240px; }
      .note { color:var(--muted); font-size:12px; margin-top:4px; }
      .causes { margin:6px 0 0; padding-left:20px; }
      .causes li { margin:3px 0; }
      .pill { display:inline-block; padding:0 6px; border-radius:8px; font-size:11px; font-weight:600;
        background:#eef1f5; color:var(--muted); margin-right:4px; }
      .pill.lost { background:#fbe4e2; color:var(--bad); } .pill.gained { background:#e3f2e6; color:var(--good); }
      details > summary { cursor:pointer; color:var(--accent); margin:8px 0 4px; }
      .two { display:grid; grid-template-columns: 1fr 1fr; gap:18px; }
      @media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
      footer { color:var(--muted); font-size:12px; border-top:1px solid var(--line); padding:12px 28px; }
      @media print {
        nav, .tools { display:none; }
        body { font-size:11px; }
        main { max-width:none; padding:0 8mm; }
        header.top { background:none; }
        .tablebox { max-height:none; overflow:visible; border:none; }
        .tablebox tbody tr:nth-child(n+41) { display:none !important; }
        .tablebox::after { content:"Printed: the first 40 rows; the full list is on screen and in the tables.";
          display:block; color:#5b6675; font-size:10px; margin-top:2px; }
        section.page { break-before: page; }
        .figure, svg, tr { break-inside: avoid; }
        details { display:block; } details > summary { display:none; }
        .chart { overflow:visible; } .chart svg { max-width:100%; height:auto; }
        a { color:inherit; text-decoration:none; }
      }
      """;
}
