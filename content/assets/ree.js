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
    // Totals rows (World) stay last whichever way the table is sorted.
    function isTotal(r) { return r.classList.contains("ree-total") || r.querySelector("[data-ree-total]") !== null; }
    var pinned = rows.filter(isTotal);
    rows = rows.filter(function (r) { return !isTotal(r); });
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
        // A real button in each header: reachable and operable from the keyboard, announced as a button; the
        // header itself says how the column is sorted (aria-sort).
        var button = document.createElement("button");
        button.type = "button";
        button.className = "ree-sort";
        while (header.firstChild) button.appendChild(header.firstChild);
        header.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, column, header); });
      });
    });
  }

  // A group (a year of the timeline or of the sources) with nothing left to show is hidden with its heading.
  // While a filter is in use, the folded groups with matches open; cleared, they fold again as they were.
  function showGroup(list, any, filtering) {
    var group = list.closest("details");
    if (!group) {
      list.hidden = !any;
      return;
    }
    group.hidden = !any;
    if (group.dataset.wasOpen === undefined) group.dataset.wasOpen = group.open ? "1" : "";
    group.open = filtering ? any : group.dataset.wasOpen === "1";
  }

  function timelineFilter() {
    document.querySelectorAll("[data-ree-filter]").forEach(function (filter) {
      if (filter.dataset.ready) return;
      filter.dataset.ready = "true";
      filter.hidden = false;
      var lists = document.querySelectorAll(".ree-timeline");
      var count = document.querySelector("[data-ree-count]");
      function apply() {
        var shown = {}, visible = 0, total = 0;
        filter.querySelectorAll("input").forEach(function (box) { shown[box.value] = box.checked; });
        var filtering = Object.keys(shown).some(function (k) { return !shown[k]; });
        lists.forEach(function (list) {
          var any = false;
          list.querySelectorAll("li").forEach(function (item) {
            var tag = item.querySelector("[data-category]");
            item.hidden = tag ? !shown[tag.dataset.category] : false;
            total += 1;
            if (!item.hidden) { visible += 1; any = true; }
          });
          showGroup(list, any, filtering);
        });
        if (count) count.textContent = "Showing " + visible + " of " + total + " events.";
      }
      filter.addEventListener("change", apply);
      apply();
    });
  }

  // The sources index: a filter box over publisher, title and year (every source shows without JavaScript).
  function sourcesFilter() {
    var box = document.querySelector("[data-ree-sources]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "true";
    box.hidden = false;
    var input = box.querySelector("input");
    var kind = box.querySelector("select");
    var count = box.querySelector("[data-ree-count]");
    var terms = document.querySelectorAll(".ree-sources dt");
    function apply() {
      var words = input.value.toLowerCase().split(" ").filter(Boolean), visible = 0;
      terms.forEach(function (dt) {
        var text = (dt.dataset.filter || dt.textContent).toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
          (!kind.value || dt.dataset.kind === kind.value);
        dt.hidden = !match;
        if (dt.nextElementSibling) dt.nextElementSibling.hidden = !match;
        if (match) visible += 1;
      });
      document.querySelectorAll(".ree-sources").forEach(function (list) {
        showGroup(list, list.querySelector("dt:not([hidden])") !== null, words.length > 0 || kind.value !== "");
      });
      count.textContent = words.length || kind.value ? "Showing " + visible + " of " + terms.length + " sources." : terms.length + " sources.";
    }
    input.addEventListener("input", apply);
    kind.addEventListener("change", apply);
    apply();
  }

  // Every table of three or more columns knows its column labels. At phone and tablet widths a table wider than
  // its column becomes one block per row, each value labelled (see ree.css), so nothing hides off-screen; a table
  // that fits keeps its grid. Measured again when the window is resized.
  var NARROW = window.matchMedia("(max-width: 44.9375em)");

  function labelTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      if (table.dataset.reeStack || table.closest(".ree-infobox") || !table.tHead) return;
      var labels = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
      if (labels.length < 3) return;
      table.dataset.reeStack = "true";
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) { if (labels[i]) cell.dataset.label = labels[i]; });
        });
      });
    });
  }

  function fitTables() {
    document.querySelectorAll(".md-typeset table[data-ree-stack]").forEach(function (table) {
      table.removeAttribute("data-ree-stacked");
      if (!NARROW.matches) return;
      var wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
      if (table.scrollWidth > wrap.clientWidth + 1) table.setAttribute("data-ree-stacked", "");
    });
  }

  // A link to an entry inside a folded group (a source of another year, a figure's note) opens the group.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var group = target && target.closest("details");
    while (group) { group.open = true; group = group.parentElement.closest("details"); }
  }

  // A citation's access date is the release's date in the page (a static page cannot know when it is read); here
  // it becomes the reader's date, written as each format writes it (see ree_site/render/page_citation.py).
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  function accessDates() {
    var now = new Date(), y = now.getFullYear(), m = now.getMonth() + 1, d = now.getDate();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var written = {
      long: MONTHS[m - 1] + " " + d + ", " + y,
      iso: y + "-" + two(m) + "-" + two(d),
      ris: y + "/" + two(m) + "/" + two(d),
      csl: y + ", " + m + ", " + d
    };
    document.querySelectorAll(".ree-accessed[data-ree-date]").forEach(function (span) {
      var text = written[span.dataset.reeDate];
      if (text) span.textContent = text;
    });
  }

  var resizing;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(fitTables, 100); });
  window.addEventListener("hashchange", openTarget);

  onPage(function () {
    labelTables();
    fitTables();
    sortableTables();
    openTarget();
    timelineFilter();
    sourcesFilter();
    accessDates();
  });
})();
