/// The site's style sheet: light and dark themes (system choice or the toggle), a layout that
/// folds from three columns to one on a phone, and print rules that keep only the lesson.
enum StyleSheet {
    static let source = #"""
:root {
  --bg: #ffffff; --fg: #1d2228; --muted: #5d6873; --border: #dde2e7; --accent: #1f6feb;
  --side-bg: #f6f8fa; --code-bg: #f3f5f7; --mark: #fff3c4; --warn-bg: #fff4e5; --warn-fg: #7a4100;
  --figure-bg: #ffffff;
  --hl-kw: #a3249c; --hl-str: #b3261e; --hl-num: #1750eb; --hl-com: #6a737d; --hl-type: #0b7285; --hl-attr: #8a5a00;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  color-scheme: light;
}
:root[data-theme="dark"] {
  --bg: #14171b; --fg: #dde3ea; --muted: #9aa5b1; --border: #2d333b; --accent: #6cb6ff;
  --side-bg: #1b1f24; --code-bg: #1e2329; --mark: #4d4110; --warn-bg: #3a2a10; --warn-fg: #ffd8a8; --figure-bg: #1e2329;
  --hl-kw: #f47fd9; --hl-str: #ff9b8f; --hl-num: #79c0ff; --hl-com: #8b949e; --hl-type: #5fd3c8; --hl-attr: #e3b341;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #14171b; --fg: #dde3ea; --muted: #9aa5b1; --border: #2d333b; --accent: #6cb6ff;
    --side-bg: #1b1f24; --code-bg: #1e2329; --mark: #4d4110; --warn-bg: #3a2a10; --warn-fg: #ffd8a8; --figure-bg: #1e2329;
    --hl-kw: #f47fd9; --hl-str: #ff9b8f; --hl-num: #79c0ff; --hl-com: #8b949e; --hl-type: #5fd3c8; --hl-attr: #e3b341;
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.65 var(--font); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font-family: var(--mono); font-size: 0.9em; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; }
pre { background: var(--code-bg); padding: 0.8rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
img { max-width: 100%; height: auto; }

.topbar { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 0.75rem;
  padding: 0.5rem 1rem; background: var(--bg); border-bottom: 1px solid var(--border); }
.brand { font-weight: 650; color: var(--fg); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.search { position: relative; flex: 1; max-width: 28rem; margin-left: auto; }
.search input { width: 100%; padding: 0.4rem 0.7rem; border: 1px solid var(--border); border-radius: 6px;
  background: var(--side-bg); color: var(--fg); font: inherit; font-size: 0.95rem; }
#search-results { position: absolute; top: 2.6rem; left: 0; right: 0; max-height: 70vh; overflow-y: auto;
  background: var(--bg); border: 1px solid var(--border); border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 0.3rem; }
#search-results ol { list-style: none; margin: 0; padding: 0; }
#search-results a { display: block; padding: 0.4rem 0.6rem; border-radius: 4px; color: var(--fg); }
#search-results a:hover, #search-results a:focus { background: var(--side-bg); text-decoration: none; }
#search-results strong { display: block; color: var(--accent); font-weight: 600; }
#search-results span { display: block; font-size: 0.85rem; color: var(--muted); }
#search-results p { margin: 0.4rem 0.6rem; color: var(--muted); }
.lang-switch, .theme-toggle, .menu-toggle { white-space: nowrap; font: inherit; font-size: 0.9rem; }
.theme-toggle, .menu-toggle { background: none; border: 1px solid var(--border); border-radius: 6px; color: var(--fg);
  padding: 0.3rem 0.55rem; cursor: pointer; }
.menu-toggle { display: none; }

.layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr) 14rem; min-height: calc(100vh - 3.2rem); }
.sidebar { background: var(--side-bg); border-right: 1px solid var(--border); padding: 1rem 0.8rem 2rem; font-size: 0.92rem;
  position: sticky; top: 3.2rem; height: calc(100vh - 3.2rem); overflow-y: auto; }
.sidebar h2 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1.2rem 0 0.3rem; }
.sidebar ol, .sidebar ul { list-style: none; margin: 0; padding-left: 0; }
.sidebar li li { padding-left: 0.9rem; }
.sidebar a, .sidebar .planned { display: block; padding: 0.2rem 0.45rem; border-radius: 4px; color: var(--fg); }
.sidebar .planned { color: var(--muted); }
.sidebar .exercise-link { font-size: 0.85rem; color: var(--muted); }
.sidebar a[aria-current="page"] { background: var(--accent); color: var(--bg); }
.content { padding: 1.5rem 2.5rem 4rem; max-width: 50rem; width: 100%; justify-self: center; }
.toc { padding: 1.5rem 1rem; font-size: 0.85rem; position: sticky; top: 3.2rem; height: calc(100vh - 3.2rem); overflow-y: auto; }
.toc h2 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.5rem; }
.toc ul { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0.25rem 0; }
.toc li.level-3 { padding-left: 0.8rem; }
.toc a { color: var(--muted); }

article h1 { font-size: 2rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
article h2 { font-size: 1.45rem; margin-top: 2.2rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--border); }
article h3 { font-size: 1.15rem; margin-top: 1.6rem; }
article h1, article h2, article h3, article h4 { scroll-margin-top: 4rem; }
.anchor { margin-left: 0.4rem; color: var(--muted); opacity: 0; font-weight: 400; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--border); color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--border); padding: 0.35rem 0.7rem; }
th { background: var(--side-bg); }
.notice, .warning { background: var(--warn-bg); color: var(--warn-fg); padding: 0.6rem 0.9rem; border-radius: 6px; margin: 1rem 0; }
.missing-link { color: var(--muted); border-bottom: 1px dotted var(--muted); }
.raw-html { font-family: var(--mono); font-size: 0.85em; color: var(--muted); }

.nowrap { white-space: nowrap; }
.math-display { display: block; overflow-x: auto; text-align: center; margin: 1rem 0; }
.math code.tex { background: var(--code-bg); }
.run { border: 1px solid var(--border); border-radius: 6px; margin: 1.2rem 0; padding: 0.6rem 0.9rem; }
.run-label { font-weight: 600; color: var(--accent); }
.demo-figure { margin: 0.8rem 0 0; text-align: center; }
/* Figures are <img>: the page's color-scheme reaches the SVG as prefers-color-scheme, which
   turns its text light; the card turns dark with it (data colors are the same in both). */
.demo-figure img { background: var(--figure-bg); border-radius: 4px; padding: 0.3rem; }
.include { margin: 1.2rem 0; }
.include figcaption { font-family: var(--mono); font-size: 0.8rem; margin-bottom: -0.3rem; }
.include pre { border-top: 2px solid var(--accent); }
.exercise-list li { margin: 0.2rem 0; }
.exercise-list code, .starter code { white-space: nowrap; }
details.hint { border: 1px solid var(--border); border-radius: 6px; padding: 0.4rem 0.8rem; margin: 0.5rem 0; }
details.hint summary { cursor: pointer; font-weight: 600; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.pager a { display: block; max-width: 48%; }
.pager .next { margin-left: auto; text-align: right; }
.pager small { display: block; color: var(--muted); }

pre.has-copy { position: relative; }
.copy-code { position: absolute; top: 0.35rem; right: 0.35rem; font: inherit; font-size: 0.75rem; padding: 0.1rem 0.5rem;
  border: 1px solid var(--border); border-radius: 4px; background: var(--bg); color: var(--muted); cursor: pointer;
  opacity: 0; transition: opacity 0.15s; }
pre.has-copy:hover .copy-code, .copy-code:focus, .copy-code.copied { opacity: 1; }
@media (hover: none) { .copy-code { opacity: 1; } }
.copy-code.copied { color: var(--accent); }
#search-results mark { background: var(--mark); color: inherit; border-radius: 2px; }
.edit-page { margin-top: 2rem; font-size: 0.9rem; }
.print-title { font-size: 2.2rem; }
.print-lesson + .print-lesson { margin-top: 3rem; padding-top: 1rem; border-top: 2px solid var(--border); }

.source-page pre { padding-left: 0; }
.source-page .line { display: block; scroll-margin-top: 5rem; }
.source-page .line:target { background: var(--mark); }
.source-page .ln { display: inline-block; width: 3.5em; padding-right: 1em; text-align: right; color: var(--muted); user-select: none; }

.hl-kw { color: var(--hl-kw); } .hl-str { color: var(--hl-str); } .hl-num { color: var(--hl-num); }
.hl-com { color: var(--hl-com); font-style: italic; } .hl-type { color: var(--hl-type); } .hl-attr { color: var(--hl-attr); }

@media (max-width: 1100px) {
  .layout { grid-template-columns: 16rem minmax(0, 1fr); }
  .toc { display: none; }
}
@media (max-width: 800px) {
  .topbar { flex-wrap: wrap; row-gap: 0.4rem; }
  .search { order: 10; flex-basis: 100%; }
  .brand { flex: 1; }
  .menu-toggle { display: inline-block; }
  .layout { display: block; }
  .sidebar { display: none; position: fixed; top: 5.8rem; left: 0; bottom: 0; width: 85vw; max-width: 20rem; height: auto; z-index: 9;
    box-shadow: 4px 0 18px rgba(0,0,0,.25); }
  body.nav-open .sidebar { display: block; }
  .content { padding: 1rem 1rem 3rem; }
  .search { max-width: none; }
  article h1 { font-size: 1.6rem; }
  article h1, article h2, article h3, article h4 { scroll-margin-top: 6.5rem; }
  .lang-switch { font-size: 0.8rem; }
}
@media print {
  :root, :root[data-theme="dark"], :root:not([data-theme="light"]) {
    --bg: #fff; --fg: #000; --muted: #444; --border: #bbb; --accent: #000; --side-bg: #f2f2f2; --code-bg: #f6f6f6;
    --hl-kw: #000; --hl-str: #333; --hl-num: #000; --hl-com: #555; --hl-type: #000; --hl-attr: #000; color-scheme: light;
  }
  .hl-kw, .hl-type { font-weight: 600; }
  .demo-figure img { max-height: 9cm; }
  .topbar, .sidebar, .toc, .pager, .anchor, .copy-code, .edit-page { display: none !important; }
  .demo-figure img { background: #fff; }
  .print-lesson + .print-lesson { break-before: page; border-top: none; margin-top: 0; }
  .layout { display: block; }
  .content { max-width: none; padding: 0; }
  body { background: #fff; color: #000; font-size: 11pt; }
  a { color: #000; text-decoration: underline; }
  pre { white-space: pre-wrap; border: 1px solid #ccc; background: #fff; }
  h1, h2, h3 { break-after: avoid; }
  pre, figure, table { break-inside: avoid; }
}
"""#
}
