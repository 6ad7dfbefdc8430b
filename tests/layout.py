"""The layout audit: what a reader would see wrong on a built page, measured in a real Chromium.

``audit(page, width)`` runs in the page and returns one line per problem, naming the element. The browser test
(``tests/test_layout.py``) runs it over every built page at three widths and in both palettes; run this file
directly to print the problems of a built site: ``python -m tests.layout SITE_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

#: Widths (CSS px) of a phone, a laptop and a desktop.
WIDTHS = (390, 1280, 1600)
#: The tallest a table row may be at desktop widths, in CSS px (about five lines of text).
MAX_ROW = 120
#: The longest paragraph of a generated page, in characters, citation marks aside ("about 600").
MAX_PARAGRAPH = 650
#: Generated pages (records, collection indexes, views): the paragraph limit applies to them; the articles and the
#: hand-written pages are edited as prose.
GENERATED = ("/elements/", "/producers/", "/issues/", "/sources/", "/concentration/", "/supply-chain/", "/prices/",
             "/timeline/", "/downloads/", "/trade/", "/map/")  # fmt: skip
#: Phrases of the editors' workshop that no page may print.
EDITOR_PHRASES = (
    "not opened",
    "not consulted",
    "stored copy",
    "must be checked",
    "should be checked",
    "is relied on",
    "data file:",
    "alternative: true",
    "editor_note",
    "status_note",
    "page address (slug)",
    "was not read",
    "mirror host",
    "(headline",
)

AUDIT_JS = r"""
([width, maxRow, ids, phrases, maxParagraph]) => {
  const out = [];
  const name = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = el.classList && el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '';
    let text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const heading = (() => { let n = el; while (n) { let p = n.previousElementSibling;
      while (p) { if (/^H[1-4]$/.test(p.tagName)) return p.textContent.replace('¶', '').trim(); p = p.previousElementSibling; }
      n = n.parentElement; if (n && n.tagName === 'ARTICLE') break; } return ''; })();
    return `<${el.tagName.toLowerCase()}${id}${cls}>` + (heading ? ` under "${heading.slice(0, 40)}"` : '') + (text ? ` "${text}"` : '');
  };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
    !el.closest('details:not([open])') && getComputedStyle(el).visibility !== 'hidden'; };
  const article = document.querySelector('article.md-content__inner') || document.querySelector('.md-content__inner');
  if (!article) return out;
  const column = article.getBoundingClientRect();
  // 1. Tables: wider than their column (desktop); fit or stacked (phone); rows not taller than the limit.
  for (const table of article.querySelectorAll('table')) {
    if (!visible(table)) continue;
    const wrap = table.closest('.md-typeset__scrollwrap') || table.parentElement;
    const stacked = table.hasAttribute('data-ree-stacked');
    const tooWide = wrap.scrollWidth > wrap.clientWidth + 1 || table.getBoundingClientRect().right > wrap.getBoundingClientRect().right + 1;
    if (tooWide && !stacked) out.push(`table wider than its column (${Math.round(wrap.scrollWidth)} > ${wrap.clientWidth} px): ${name(table)}`);
    if (width >= 1280) {
      for (const row of table.querySelectorAll('tr')) {
        const h = row.getBoundingClientRect().height;
        if (h > maxRow) { out.push(`table row ${Math.round(h)} px tall: ${name(row)}`); break; }
      }
    }
  }
  // 2. Nothing scrolls sideways; no element reaches past the column (scrolling wrappers aside).
  if (document.documentElement.scrollWidth > width + 1)
    out.push(`page scrolls sideways (${document.documentElement.scrollWidth} px)`);
  for (const el of article.querySelectorAll('*')) {
    if (el.closest('.md-typeset__scrollwrap, svg, .md-typeset__table, pre, code, mjx-container')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || el.closest('details:not([open])')) continue;
    if (r.right > column.right + 2 || r.left < column.left - 2) { out.push(`element overflows its column by ${Math.round(Math.max(r.right - column.right, column.left - r.left))} px: ${name(el)}`); break; }
  }
  // 3. Charts: no two text labels overlap; strokes and fills of data marks at 3:1 against the background.
  const rgb = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return p.length >= 3 ? p : null; };
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bgOf = (el) => { let n = el; while (n) { const c = rgb(getComputedStyle(n).backgroundColor);
      if (c && !/rgba\([^)]*,\s*0\)/.test(getComputedStyle(n).backgroundColor) && (c.length < 4 || c[3] !== 0)) return c; n = n.parentElement; }
    return [255, 255, 255]; };
  for (const svg of article.querySelectorAll('svg.ree-chart__svg')) {
    if (!visible(svg)) continue;
    const chart = svg.querySelector('title') ? svg.querySelector('title').textContent : 'chart';
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0 && t.textContent.trim());
    const boxes = texts.map((t) => t.getBoundingClientRect());
    let overlaps = 0;
    for (let i = 0; i < boxes.length && overlaps < 3; i++) for (let j = i + 1; j < boxes.length && overlaps < 3; j++) {
      const a = boxes[i], b = boxes[j];
      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left), dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (dx > 1 && dy > 2) { overlaps++; out.push(`chart labels overlap in "${chart}": "${texts[i].textContent}" and "${texts[j].textContent}"`); }
    }
    const svgBox = svg.getBoundingClientRect();
    for (const t of texts) { const r = t.getBoundingClientRect();
      if (r.left < svgBox.left - 1 || r.right > svgBox.right + 1) out.push(`chart label outside its drawing in "${chart}": "${t.textContent}"`); }
    const bg = bgOf(svg);
    const marks = svg.querySelectorAll('.ree-chart__line, .ree-chart__bar, .ree-chart__dot, .ree-chart__range, .ree-chart__swatch');
    const seen = new Set();
    for (const m of marks) { const cs = getComputedStyle(m);
      const paint = m.tagName === 'polyline' || m.tagName === 'line' ? cs.stroke : cs.fill; const c = rgb(paint);
      if (!c || seen.has(paint)) continue; seen.add(paint);
      const r = ratio(c, bg); if (r < 3) out.push(`chart mark at ${r.toFixed(2)}:1 against its background in "${chart}": ${m.getAttribute('class')} ${paint}`); }
  }
  // 4. Paragraphs a reader can take in (generated pages only; 0 means no limit).
  if (maxParagraph) for (const p of article.querySelectorAll('p')) {
    const copy = p.cloneNode(true); copy.querySelectorAll('sup').forEach((s) => s.remove());
    const length = copy.textContent.replace(/\s+/g, ' ').trim().length;
    if (length > maxParagraph) out.push(`paragraph of ${length} characters: ${name(p)}`);
  }
  // 5. Text for readers only: no editors' phrase, field name or record id.
  const text = article.innerText;
  const lower = text.toLowerCase();
  for (const p of phrases) if (lower.includes(p)) { const i = lower.indexOf(p);
    out.push(`editors' phrase "${p}" in the text: "…${text.slice(Math.max(0, i - 40), i + 40).replace(/\s+/g, ' ')}…"`); }
  for (const id of ids) { const re = new RegExp('(^|[\\s(])' + id.replace(/[-]/g, '\\-') + '($|[\\s).,;:])');
    const m = text.match(re); if (m) out.push(`record id "${id}" in the text: "…${text.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, ' ')}…"`); }
  if (/\byml\b|\.yaml\b/.test(text)) out.push('a data file name in the text');
  return out;
}
"""


def record_ids(data: Path) -> list[str]:
    """Ids a reader could mistake for words are fine ("china"); hyphenated ids never appear as text."""
    return sorted({p.stem for p in data.glob("*/*.yml") if "-" in p.stem and p.parent.name != "schema"})


def audit(page: Any, width: int, ids: list[str], generated: bool = True) -> list[str]:
    """The problems of the page open in ``page`` at ``width``; ``generated`` applies the paragraph limit."""
    limit = MAX_PARAGRAPH if generated else 0
    found: list[str] = page.evaluate(AUDIT_JS, [width, MAX_ROW, ids, list(EDITOR_PHRASES), limit])
    return found


def set_scheme(page: Any, scheme: str) -> None:
    """Switch Material's palette in place (as its toggle does), without a reload."""
    page.evaluate(
        "(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)",
        scheme,
    )


def pages(site: Path) -> list[str]:
    """Every built page's path ("/elements/neodymium/"), the 404 page and redirects aside."""
    found = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith(("search", "assets")):
            continue
        found.append("/" if rel == "." else f"/{rel}/")
    return found


def main(site: Path) -> int:
    from .browser import chromium, serve

    ids = record_ids(Path(__file__).parent.parent / "data")
    total = 0
    with serve(site) as base, chromium() as browser:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for path in pages(site):
                page.goto(base + path, wait_until="load")
                for scheme in ("default", "slate"):
                    set_scheme(page, scheme)
                    for problem in audit(page, width, ids, path.startswith(GENERATED)):
                        if scheme == "slate" and "chart mark" not in problem:
                            continue
                        total += 1
                        print(f"{path} at {width} px ({scheme}): {problem}")
            context.close()
    print(f"{total} problems", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
