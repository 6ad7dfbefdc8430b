/* Small enhancements of the generated pages, served from the site itself (no CDN).
   Without JavaScript every table and list stays complete and readable. */
(function () {
  "use strict";

  function onPage(fn) {
    // Material's instant loading announces each page on document$; plain loading fires DOMContentLoaded.
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(fn);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  // A search result for a glossary term links to glossary/?term=ID (see ree_site/search.py): open the term.
  function openTerm() {
    var id = new URLSearchParams(window.location.search).get("term");
    var target = id && document.getElementById(id);
    if (target && window.location.hash !== "#" + id) {
      window.location.hash = id;
    }
  }

  function cellValue(cell) {
    if (cell.dataset.sort !== undefined) return cell.dataset.sort;
    var copy = cell.cloneNode(true);
    copy.querySelectorAll("sup, .ree-bar").forEach(function (n) { n.remove(); });
    return copy.textContent.trim();
  }

  function asNumber(text) {
    var match = /^[<>~]?\s*(about\s+)?(-?[\d,]*\.?\d+)/.exec(text);
    return match ? parseFloat(match[2].replace(/,/g, "")) : NaN;
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    var pinned = rows.filter(function (r) { return r.classList.contains("ree-total"); });
    rows = rows.filter(function (r) { return !r.classList.contains("ree-total"); });
    var keyed = rows.map(function (row, index) {
      var text = row.cells[column] ? cellValue(row.cells[column]) : "";
      return { row: row, text: text, number: asNumber(text), index: index };
    });
    var numeric = keyed.every(function (k) { return !isNaN(k.number) || k.text === "" || k.text === "–"; });
    keyed.sort(function (a, b) {
      var result;
      if (numeric) {
        var x = isNaN(a.number) ? -Infinity : a.number, y = isNaN(b.number) ? -Infinity : b.number;
        result = x - y;
      } else {
        result = a.text.localeCompare(b.text, undefined, { numeric: true, sensitivity: "base" });
      }
      return (ascending ? result : -result) || a.index - b.index;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
    pinned.forEach(function (r) { body.appendChild(r); });
  }

  function sortableTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      if (table.dataset.reeSortable || table.closest(".ree-infobox") || !table.tHead) return;
      table.dataset.reeSortable = "true";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
        header.tabIndex = 0;
        header.title = "Sort by this column";
        header.addEventListener("click", function () { sortBy(table, column, header); });
        header.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, column, header); }
        });
      });
    });
  }

  function timelineFilter() {
    document.querySelectorAll("[data-ree-filter]").forEach(function (filter) {
      if (filter.dataset.ready) return;
      filter.dataset.ready = "true";
      filter.hidden = false;
      var list = document.querySelector(".ree-timeline");
      function apply() {
        var shown = {};
        filter.querySelectorAll("input").forEach(function (box) { shown[box.value] = box.checked; });
        list.querySelectorAll("li").forEach(function (item) {
          var tag = item.querySelector("[data-category]");
          item.hidden = tag ? !shown[tag.dataset.category] : false;
        });
      }
      filter.addEventListener("change", apply);
      apply();
    });
  }

  onPage(function () {
    sortableTables();
    timelineFilter();
    openTerm();
  });
})();
