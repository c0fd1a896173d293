/** The report page's stylesheet (inline in the page: it is one self-contained HTML file). */
export const PAGE_STYLE = `
:root { --error: #c62828; --error-bg: #fdecea; --warning: #b26a00; --warning-bg: #fff4e0; --info: #1565c0; --info-bg: #e8f1fb; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; color: #222; margin: 0; background: #f6f7f9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 2px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.status { font-weight: bold; padding: 6px 10px; border-radius: 4px; display: inline-block; }
.status.error { background: var(--error-bg); color: var(--error); }
.status.warning { background: var(--warning-bg); color: var(--warning); }
.status.ok { background: #e8f5e9; color: #2e7d32; }
table.meta th { text-align: left; color: #666; font-weight: normal; padding: 2px 16px 2px 0; }
table.grid { border-collapse: collapse; margin: 10px 0 18px; font-size: 13px; width: 100%; }
table.grid caption { text-align: left; font-weight: bold; padding: 4px 0; }
table.grid th, table.grid td { border: 1px solid #bbb; padding: 4px 6px; }
table.grid th { background: #f0f2f5; font-weight: normal; }
table.grid th.row { text-align: left; width: 34%; }
table.grid td { text-align: right; min-width: 52px; font-variant-numeric: tabular-nums; }
table.grid td.absent { background: repeating-linear-gradient(45deg, #f3f3f3, #f3f3f3 4px, #e6e6e6 4px, #e6e6e6 8px); color: #888; text-align: center; font-size: 12px; }
table.grid td.blank { color: #999; text-align: center; font-size: 12px; }
table.grid td.na { text-align: center; }
.mark-error { background: var(--error-bg) !important; color: var(--error); outline: 2px solid var(--error); outline-offset: -2px; }
.mark-warning { background: var(--warning-bg) !important; color: var(--warning); outline: 2px solid var(--warning); outline-offset: -2px; }
.mark-info { background: var(--info-bg) !important; color: var(--info); outline: 1px dashed var(--info); outline-offset: -2px; }
/* An absent cell a finding names keeps its hatching, tinted: nothing was read there. */
table.grid td.absent.mark-error { background: repeating-linear-gradient(45deg, var(--error-bg), var(--error-bg) 4px, #fff 4px, #fff 8px) !important; outline-width: 1px; }
table.grid td.absent.mark-warning { background: repeating-linear-gradient(45deg, var(--warning-bg), var(--warning-bg) 4px, #fff 4px, #fff 8px) !important; outline-width: 1px; }
table.grid td.absent.mark-info { background: repeating-linear-gradient(45deg, var(--info-bg), var(--info-bg) 4px, #fff 4px, #fff 8px) !important; }
/* The one cell that would make every failing identity hold stands out from the cells of the identities. */
table.grid td.suspect { outline-width: 4px; font-weight: bold; background: #f9c4bf !important; font-size: 14px; }
table.grid td.suspect .flag { font-size: 12px; }
.flag, .suspect-legend { font-size: 11px; background: var(--error); color: #fff; padding: 0 4px; border-radius: 3px; margin-right: 4px; font-weight: normal; }
sup a { color: inherit; text-decoration: none; font-size: 10px; margin-left: 2px; }
.legend span { padding: 2px 6px; margin-right: 6px; display: inline-block; }
.legend .absent, .legend .blank { border: 1px solid #bbb; }
.legend .absent { background: repeating-linear-gradient(45deg, #f3f3f3, #f3f3f3 4px, #e6e6e6 4px, #e6e6e6 8px); }
ul.findings { list-style: none; padding: 0; }
ul.findings li.group { margin: 8px 0; }
ul.findings ol { margin: 4px 0 0 0; padding-left: 28px; list-style: none; font-size: 13px; }
ul.findings ol li { padding: 2px 6px; margin: 2px 0; outline: none !important; }
.badge { font-size: 12px; padding: 1px 6px; border-radius: 3px; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.new { font-size: 11px; background: #6a1b9a; color: #fff; padding: 0 4px; border-radius: 3px; }
li.resolved { color: #2e7d32; text-decoration: line-through; }
section p { line-height: 1.7; margin: 4px 0; }
mark { padding: 0 2px; }
footer { margin-top: 32px; color: #888; font-size: 12px; }
`;
