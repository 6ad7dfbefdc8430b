/* Downloads of each chart: the drawing as SVG or PNG, and the numbers it draws as CSV.
   The drawing already carries its title, its sources and the site's name (written at build time by
   ree_site/render/chart_frame.py); the copy gets the colours and fonts of the page's stylesheet written into
   each shape, so that it looks the same wherever it is opened. Without JavaScript the chart, its caption and
   the table beside it are all still on the page. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var STYLED = ["fill", "stroke", "stroke-width", "stroke-dasharray", "font-size", "font-family", "font-weight",
                "font-style", "opacity", "display"];

  function shownSvg(figure) {
    var svgs = figure.querySelectorAll("svg.ree-chart__svg");
    for (var i = 0; i < svgs.length; i++) {
      if (svgs[i].getBoundingClientRect().width > 0) return svgs[i];
    }
    return svgs[0];
  }

  // The chart as a file of its own: every computed style written into the element it applies to.
  function standalone(svg) {
    var copy = svg.cloneNode(true);
    var from = svg.querySelectorAll("*");
    var to = copy.querySelectorAll("*");
    for (var i = 0; i < from.length; i++) {
      var style = window.getComputedStyle(from[i]);
      to[i].setAttribute("style", STYLED.map(function (p) { return p + ":" + style.getPropertyValue(p); }).join(";"));
    }
    var box = svg.viewBox.baseVal;
    copy.setAttribute("xmlns", SVG_NS);
    copy.setAttribute("width", box.width);
    copy.setAttribute("height", box.height);
    copy.removeAttribute("class");
    copy.setAttribute("style", "display:block");
    var back = document.createElementNS(SVG_NS, "rect");
    back.setAttribute("width", "100%");
    back.setAttribute("height", "100%");
    back.setAttribute("style", "fill:" + window.getComputedStyle(document.body).backgroundColor);
    var desc = copy.querySelector("desc");
    copy.insertBefore(back, desc ? desc.nextSibling : copy.firstChild);
    return { text: new XMLSerializer().serializeToString(copy), width: box.width, height: box.height };
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function savePng(drawing, name) {
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      var scale = 2;
      canvas.width = drawing.width * scale;
      canvas.height = drawing.height * scale;
      var context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, drawing.width, drawing.height);
      canvas.toBlob(function (blob) { save(blob, name + ".png"); }, "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(drawing.text);
  }

  function button(text, label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button ree-chart__download";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", action);
    return b;
  }

  function chartTools() {
    document.querySelectorAll("figure.ree-chart[data-csv]").forEach(function (figure) {
      if (figure.querySelector(".ree-chart__tools")) return;
      var name = figure.dataset.name || "chart";
      var tools = document.createElement("div");
      tools.className = "ree-chart__tools";
      var lead = document.createElement("span");
      lead.textContent = "Download:";
      tools.appendChild(lead);
      tools.appendChild(button("SVG", "Download this chart as SVG", function () {
        save(new Blob([standalone(shownSvg(figure)).text], { type: "image/svg+xml" }), name + ".svg");
      }));
      tools.appendChild(button("PNG", "Download this chart as PNG", function () {
        savePng(standalone(shownSvg(figure)), name);
      }));
      tools.appendChild(button("CSV", "Download the numbers of this chart as CSV", function () {
        save(new Blob([figure.dataset.csv], { type: "text/csv" }), name + ".csv");
      }));
      figure.insertBefore(tools, figure.querySelector("figcaption"));
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(chartTools);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", chartTools);
  } else {
    chartTools();
  }
})();
