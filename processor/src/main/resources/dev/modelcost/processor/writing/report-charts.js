// The per-layer bar chart and the roofline, drawn in SVG whose coordinates match the width they are shown at
// (redrawn when it changes), with ticks, labels and scaled units; every bar and point selects its layer.
(function () {
  "use strict";
  var report = MC.report, layers = report.layers, stages = report.stages || [], el = MC.svg, fmt = MC.fmt;
  var AGGREGATE_ABOVE = 200;

  function html(name, attrs, text) {
    var node = document.createElement(name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function toggle(text, pressed) {
    var b = html("button", {type: "button", "aria-pressed": String(pressed)}, text);
    return b;
  }
  function press(button, on) { button.setAttribute("aria-pressed", String(on)); }
  /** "2.00 G" -> "2 G", "2.50 MiB" -> "2.5 MiB": tick labels without trailing zeros. */
  function trim(text) { return text.replace(/\.(\d*?)0+(?=\s|$)/, function (m, d) { return d ? "." + d : ""; }); }
  function widthOf(node, fallback) {
    var w = node.clientWidth;
    return w > 0 ? w : fallback;
  }

  // ---- The bar chart ----
  var chartSection = document.getElementById("chart-section");
  var metrics = [["MACs", "macs", 1000, MC.scaled], ["FLOPs", "flops", 1000, MC.scaled],
                 ["parameters", "params", 1000, MC.scaled], ["activation bytes", "activationBytes", 1024, MC.bytes],
                 ["bytes moved", "bytesMoved", 1024, MC.bytes]];
  if (report.device) { metrics.push(["latency", "latencyNanos", 1000, MC.nanos]); }

  // Depth-1 stages and top-level layers, in index order: what the chart draws when it aggregates.
  var groups = [];
  (function () {
    var top = {};
    stages.forEach(function (s) { if (s.depth === 1) { top[s.first] = s; } });
    for (var i = 0; i < layers.length; i++) {
      var s = top[i];
      if (s) { groups.push({stage: s}); i = s.last; } else { groups.push({layer: layers[i]}); }
    }
  })();
  var canAggregate = groups.length < layers.length;

  var chartState = {metric: 0, log: false, byStage: canAggregate && layers.length > AGGREGATE_ABOVE};
  var chart, metricButtons = [], logButton, stageButton, chartNote, selected = -1;

  function figure(item, key) {
    var v = item[key];
    return v === null || v === undefined || v < 0 ? 0 : v;
  }

  /** Linear ticks at 1, 2 or 5 times a power of ten of the unit's prefix (1000 or 1024 per step). */
  function linearTicks(max, base) {
    var scale = 1;
    while (max / scale >= base) { scale *= base; }
    var span = max / scale, raw = span / 5, p = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * p; }).filter(function (s) { return s >= raw; })[0];
    var ticks = [];
    for (var t = 0; t <= span * 1.0000001 + step * 0.999; t += step) { ticks.push(t * scale); }
    return ticks;
  }
  /** Log ticks: 1, 10 and 100 times each power of the base, from below min to above max. */
  function logTicks(min, max, base) {
    var ticks = [];
    for (var scale = Math.pow(base, Math.floor(Math.log(min) / Math.log(base))); scale <= max * base; scale *= base) {
      [1, 10, 100].forEach(function (m) { ticks.push(scale * m); });
    }
    var lo = ticks.filter(function (t) { return t <= min; }).pop() || ticks[0];
    var hi = ticks.filter(function (t) { return t >= max; })[0] || ticks[ticks.length - 1];
    return ticks.filter(function (t) { return t >= lo && t <= hi; });
  }

  function drawChart() {
    var m = metrics[chartState.metric], key = m[1], base = m[2], format = m[3];
    var items = chartState.byStage ? groups : layers.map(function (l) { return {layer: l}; });
    var values = items.map(function (it) { return figure(it.stage || it.layer, key); });
    var W = Math.max(300, widthOf(chartSection, 960)), H = W < 600 ? 220 : 260;
    var L = 64, R = 12, T = 24, B = chartState.byStage && items.length <= 40 ? 70 : 40;
    var plotW = W - L - R, plotH = H - T - B, axisY = T + plotH;
    var max = Math.max.apply(null, values.concat([0]));
    var positives = values.filter(function (v) { return v > 0; });
    var min = positives.length ? Math.min.apply(null, positives) : 1;
    var ticks, y;
    if (chartState.log && max > 0) {
      ticks = logTicks(min, max, base);
      var lo = Math.log(ticks[0]), hi = Math.log(ticks[ticks.length - 1]);
      // Bars start at the lowest tick; a value at the lowest tick still shows as a sliver.
      y = function (v) { return axisY - plotH * (0.03 + 0.97 * (Math.log(v) - lo) / Math.max(hi - lo, 1e-9)); };
    } else {
      ticks = max > 0 ? linearTicks(max, base) : [0];
      var top = ticks[ticks.length - 1] || 1;
      y = function (v) { return axisY - plotH * v / top; };
    }
    clear(chart);
    chart.setAttribute("viewBox", "0 0 " + W + " " + H);
    chart.setAttribute("width", String(W));
    chart.setAttribute("height", String(H));
    chart.setAttribute("aria-label", "per-layer chart of " + m[0] + (chartState.log ? " (log scale)" : "") +
                       (chartState.byStage ? ", by stage" : ""));
    var grid = el("g", {"class": "ticks"});
    ticks.forEach(function (t) {
      var ty = chartState.log ? y(t) : y(t);
      grid.appendChild(el("line", {"class": "grid", x1: L, x2: W - R, y1: ty, y2: ty}));
      grid.appendChild(el("text", {"class": "tick", x: L - 6, y: ty + 4, "text-anchor": "end"}, trim(format(t))));
    });
    chart.appendChild(grid);
    chart.appendChild(el("text", {"class": "axis-title", x: 4, y: 10}, m[0] + (chartState.log ? " (log)" : "")));
    var step = plotW / Math.max(1, items.length), barW = Math.max(0.5, step * (step > 4 ? 0.8 : 0.95));
    var bars = el("g", {"class": "bars"});
    items.forEach(function (it, i) {
      var v = values[i], x = L + i * step + (step - barW) / 2, attrs;
      var item = it.stage || it.layer;
      var zero = v <= 0;
      var by = zero ? axisY + 2 : y(v), bh = zero ? 5 : Math.max(axisY - by, 0.5);
      attrs = {"class": "bar", x: x.toFixed(2), y: by.toFixed(2), width: barW.toFixed(2), height: bh.toFixed(2),
               tabindex: "0"};
      if (it.stage) { attrs["data-stage"] = it.stage.name; attrs["data-index"] = it.stage.first; }
      else { attrs["data-index"] = it.layer.index; }
      if (zero) { attrs["data-zero"] = "1"; attrs.height = "5"; attrs.width = Math.max(barW, 2).toFixed(2); }
      var rect = el("rect", attrs);
      var exact = fmt(v) + " " + m[0] + (format(v) !== fmt(v) ? " (" + format(v) + ")" : "");
      rect.appendChild(el("title", {}, it.stage
          ? it.stage.name + ": " + it.stage.layers + " layers (#" + it.stage.first + "-" + it.stage.last + "), " +
            exact + ". Click to select its first layer."
          : item.name + " (" + item.kind + "), #" + item.index + ": " + exact));
      bars.appendChild(rect);
      if (it.stage && B > 40) {
        var lx = x + barW / 2, ly = axisY + 12;
        bars.appendChild(el("text", {"class": "tick stage-tick", x: lx, y: ly, "text-anchor": "end",
            transform: "rotate(-40 " + lx + " " + ly + ")"}, it.stage.name.length > 12 ?
            it.stage.name.slice(0, 11) + "\u2026" : it.stage.name));
      }
    });
    chart.appendChild(bars);
    chart.appendChild(el("line", {"class": "axis", x1: L, x2: W - R, y1: axisY, y2: axisY}));
    // The x axis: layer indices at round steps, or the stages' names (above) when aggregated.
    if (!chartState.byStage || B <= 40) {
      var every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter(function (e) {
        return e * step >= 48;
      })[0] || 1000;
      for (var i = 0; i < items.length; i += every) {
        var tx = L + i * step + step / 2;
        chart.appendChild(el("line", {"class": "axis", x1: tx, x2: tx, y1: axisY, y2: axisY + 4}));
        chart.appendChild(el("text", {"class": "tick", x: tx, y: axisY + 16, "text-anchor": "middle"},
                             String(chartState.byStage ? i : items[i].layer.index)));
      }
    }
    chart.appendChild(el("text", {"class": "axis-title", x: L + plotW / 2, y: H - 4, "text-anchor": "middle"},
        chartState.byStage ? "stages and top-level layers, in order" : "layer index"));
    var zeros = values.filter(function (v) { return v <= 0; }).length;
    chartNote.textContent = items.length + (chartState.byStage ? " bars (depth-1 stages and top-level layers)"
                                                               : " bars, one per layer") +
        "; largest " + fmt(max) + " " + m[0] + " (" + format(max) + ")" +
        (zeros ? "; " + zeros + " with none, marked below the axis" : "") + ".";
    metricButtons.forEach(function (b, k) { press(b, k === chartState.metric); });
    press(logButton, chartState.log);
    if (stageButton) { press(stageButton, chartState.byStage); }
    markChart();
  }

  function markChart() {
    Array.prototype.forEach.call(chart.querySelectorAll(".bar.selected"), function (b) {
      b.classList.remove("selected");
    });
    if (selected < 0) { return; }
    var target = null;
    Array.prototype.forEach.call(chart.querySelectorAll(".bar"), function (b) {
      var s = b.getAttribute("data-stage");
      if (s ? selected >= Number(b.getAttribute("data-index")) &&
              selected <= stagesByName[s].last : Number(b.getAttribute("data-index")) === selected) { target = b; }
    });
    if (target) { target.classList.add("selected"); }
  }
  var stagesByName = {};
  stages.forEach(function (s) { stagesByName[s.name] = s; });

  if (chartSection) {
    clear(chartSection);
    chartSection.appendChild(html("h2", {}, "Per layer"));
    var controls = html("div", {"class": "controls chart-controls", role: "group", "aria-label": "figure charted"});
    metrics.forEach(function (m, k) {
      var b = toggle(m[0], k === 0);
      b.setAttribute("data-metric", m[1]);
      b.addEventListener("click", function () { chartState.metric = k; drawChart(); });
      metricButtons.push(b);
      controls.appendChild(b);
    });
    logButton = toggle("log scale", false);
    logButton.className = "option";
    logButton.addEventListener("click", function () { chartState.log = !chartState.log; drawChart(); });
    controls.appendChild(logButton);
    if (canAggregate) {
      stageButton = toggle("by stage", chartState.byStage);
      stageButton.className = "option";
      stageButton.addEventListener("click", function () { chartState.byStage = !chartState.byStage; drawChart(); });
      controls.appendChild(stageButton);
    }
    chartSection.appendChild(controls);
    chart = el("svg", {id: "chart", "class": "chart", role: "img", preserveAspectRatio: "xMinYMin meet"});
    chartSection.appendChild(chart);
    chartNote = html("p", {"class": "chart-note"});
    chartSection.appendChild(chartNote);
    chart.addEventListener("click", function (e) {
      var b = e.target.closest(".bar");
      if (b) { MC.select(Number(b.getAttribute("data-index"))); }
    });
    chart.addEventListener("keydown", function (e) {
      var b = e.target.closest && e.target.closest(".bar");
      if (b && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); MC.select(Number(b.getAttribute("data-index"))); }
    });
    drawChart();
  }

  // ---- The roofline ----
  var roofSection = document.getElementById("roofline-section");
  var roof = null, drawRoof = function () {}, markRoof = function () {};
  if (roofSection) {
    clear(roofSection);
    roofSection.appendChild(html("h2", {}, "Roofline"));
    var note = html("p", {id: "roofline-note", "class": "chart-note"});
    roofSection.appendChild(note);
    if (!report.device) {
      note.textContent =
          "Declare a device (@Device or -Amodelcost.device) to see where each layer sits on its roofline.";
    } else {
      var peak = report.device.peakFlopsPerSecond, bw = report.device.bytesPerSecond, ridge = peak / bw;
      note.textContent = report.device.name + ": peak " + trim(MC.scaled(peak, "FLOP/s")) + " (" + fmt(peak) +
          " FLOP/s), bandwidth " + trim(MC.scaled(bw, "B/s")) + " (" + fmt(bw) + " B/s), ridge point " +
          ridge.toFixed(1) + " FLOP/byte.";
      roof = el("svg", {id: "roofline", "class": "chart roofline", role: "img",
                        "aria-label": "roofline: FLOP/s against FLOP/byte, both on log scales"});
      roofSection.appendChild(roof);
      // Layers that fall on the same spot (the same FLOP/byte, so the same attainable FLOP/s, and the same
      // bound) share one marker, with their count; the list below reaches each of them.
      var markers = [], byKey = {};
      layers.forEach(function (l) {
        if (!(l.bytesMoved > 0 && l.flops > 0)) { return; }
        var key = l.intensity + "|" + l.bound;
        if (!byKey[key]) {
          byKey[key] = {x: l.flops / l.bytesMoved, bound: l.bound, layers: [], next: 0};
          markers.push(byKey[key]);
        }
        byKey[key].layers.push(l);
      });
      var shared = markers.filter(function (g) { return g.layers.length > 1; });
      var details = html("details", {"class": "roofline-groups"});
      details.appendChild(html("summary", {}, markers.length + " markers for " +
          markers.reduce(function (n, g) { return n + g.layers.length; }, 0) + " layers; " + shared.length +
          " shared by several layers"));
      var list = html("ul", {});
      shared.forEach(function (g) {
        var item = html("li", {}, g.layers[0].intensity + " FLOP/byte, " + g.bound + "-bound, " +
                                  g.layers.length + " layers: ");
        g.layers.forEach(function (l, k) {
          if (k > 0) { item.appendChild(document.createTextNode(", ")); }
          var b = html("button", {type: "button", "class": "link", "data-index": String(l.index)}, l.name);
          item.appendChild(b);
        });
        list.appendChild(item);
      });
      details.appendChild(list);
      if (shared.length) { roofSection.appendChild(details); }
      details.addEventListener("click", function (e) {
        var b = e.target.closest("button[data-index]");
        if (b) { MC.select(Number(b.getAttribute("data-index"))); }
      });

      drawRoof = function () {
        var W = Math.min(760, Math.max(300, widthOf(roofSection, 640))), H = Math.round(Math.max(240, W * 0.55));
        var L = 78, R = 22, T = 24, B = 44;
        var xs = markers.map(function (g) { return g.x; }).concat([ridge]);
        var xlo = Math.floor(Math.log10(Math.min.apply(null, xs) / 1.5)),
            xhi = Math.ceil(Math.log10(Math.max.apply(null, xs) * 3));
        var yhi = Math.ceil(Math.log10(peak * 1.5)),
            ylo = Math.floor(Math.log10(Math.min(peak, Math.pow(10, xlo) * bw)));
        function px(x) { return L + (W - L - R) * (Math.log10(x) - xlo) / (xhi - xlo); }
        function py(v) { return T + (H - T - B) * (yhi - Math.log10(v)) / (yhi - ylo); }
        clear(roof);
        roof.setAttribute("viewBox", "0 0 " + W + " " + H);
        roof.setAttribute("width", String(W));
        roof.setAttribute("height", String(H));
        var xEvery = (xhi - xlo) * 46 > W - L - R ? 2 : 1, yEvery = (yhi - ylo) * 22 > H - T - B ? 2 : 1;
        for (var e = xlo; e <= xhi; e++) {
          var gx = px(Math.pow(10, e));
          roof.appendChild(el("line", {"class": "grid", x1: gx, x2: gx, y1: T, y2: H - B}));
          if ((e - xlo) % xEvery === 0) {
            roof.appendChild(el("text", {"class": "tick decade x", x: gx, y: H - B + 15, "text-anchor": "middle"},
                                e < 0 ? String(Math.pow(10, e).toFixed(-e)) : trim(MC.scaled(Math.pow(10, e)))));
          }
        }
        for (var f = ylo; f <= yhi; f++) {
          var gy = py(Math.pow(10, f));
          roof.appendChild(el("line", {"class": "grid", x1: L, x2: W - R, y1: gy, y2: gy}));
          if ((yhi - f) % yEvery === 0) {
            roof.appendChild(el("text", {"class": "tick decade y", x: L - 6, y: gy + 4, "text-anchor": "end"},
                                trim(MC.scaled(Math.pow(10, f), "FLOP/s"))));
          }
        }
        roof.appendChild(el("line", {"class": "axis", x1: L, x2: W - R, y1: H - B, y2: H - B}));
        roof.appendChild(el("line", {"class": "axis", x1: L, x2: L, y1: T, y2: H - B}));
        roof.appendChild(el("text", {"class": "axis-title", x: L + (W - L - R) / 2, y: H - 8, "text-anchor": "middle"},
                            "arithmetic intensity (FLOP/byte, log)"));
        roof.appendChild(el("text", {"class": "axis-title", x: 4, y: 12}, "attainable FLOP/s (log)"));
        var x0 = Math.pow(10, xlo), x1 = Math.pow(10, xhi);
        roof.appendChild(el("polyline", {"class": "roof", points: px(x0) + "," + py(x0 * bw) + " " + px(ridge) + "," +
                                          py(peak) + " " + px(x1) + "," + py(peak)}));
        roof.appendChild(el("line", {"class": "ridge-line", x1: px(ridge), x2: px(ridge), y1: py(peak), y2: H - B}));
        var ridgeMark = el("circle", {"class": "ridge", cx: px(ridge), cy: py(peak), r: 4});
        ridgeMark.appendChild(el("title", {}, "ridge point: " + ridge.toFixed(1) + " FLOP/byte, " +
                                 trim(MC.scaled(peak, "FLOP/s"))));
        roof.appendChild(ridgeMark);
        // Above the slope, left of the ridge: the points sit on the roof, below and to the right.
        var left = px(ridge) - L > 150;
        roof.appendChild(el("text", {"class": "ridge-label", x: px(ridge) + (left ? -8 : 8), y: py(peak) - 8,
                                     "text-anchor": left ? "end" : "start"},
                            "ridge " + trim(ridge.toFixed(1)) + " FLOP/byte"));
        var dots = el("g", {"class": "points"});
        markers.forEach(function (g) {
          var n = g.layers.length, cx = px(g.x), cy = py(Math.min(peak, g.x * bw));
          var r = n > 1 ? Math.min(12, 4 + 2 * Math.log2(n)) : 4;
          var dot = el("circle", {"class": "point " + g.bound, cx: cx.toFixed(2), cy: cy.toFixed(2), r: r.toFixed(1),
                                  tabindex: "0", "data-index": g.layers[0].index, "data-count": n});
          var names = g.layers.slice(0, 12).map(function (l) { return l.name; }).join(", ") +
              (n > 12 ? " and " + (n - 12) + " more (listed below the chart)" : "");
          dot.appendChild(el("title", {}, (n > 1 ? n + " layers at " : "") + g.layers[0].intensity + " FLOP/byte, " +
              g.bound + "-bound, " + trim(MC.scaled(Math.min(peak, g.x * bw), "FLOP/s")) + ": " + names +
              (n > 1 ? ". Click again for the next." : "")));
          dots.appendChild(dot);
          if (n > 1) {
            dots.appendChild(el("text", {"class": "point-count", x: cx.toFixed(2), y: (cy + 3.5).toFixed(2),
                                         "text-anchor": "middle"}, String(n)));
          }
        });
        roof.appendChild(dots);
        // The legend, in the empty lower-right corner below the flat roof.
        var lg = el("g", {"class": "legend", transform: "translate(" + (W - R - 130) + "," + (H - B - 52) + ")"});
        lg.appendChild(el("rect", {"class": "legend-box", x: -6, y: -12, width: 132, height: 50, rx: 4}));
        [["compute", "compute-bound"], ["memory", "memory-bound"]].forEach(function (k, i) {
          lg.appendChild(el("circle", {"class": "swatch " + k[0], cx: 4, cy: i * 16 - 4, r: 4}));
          lg.appendChild(el("text", {x: 14, y: i * 16}, k[1]));
        });
        lg.appendChild(el("line", {"class": "roof", x1: -1, x2: 9, y1: 28, y2: 28}));
        lg.appendChild(el("text", {x: 14, y: 32}, "roof"));
        roof.appendChild(lg);
        markRoof();
      };
      roof.addEventListener("click", function (e) {
        var dot = e.target.closest(".point");
        if (!dot) { return; }
        var g = markerAt(dot);
        // A shared marker selects its layers in turn.
        var l = g.layers[g.next % g.layers.length];
        g.next++;
        MC.select(l.index);
      });
      roof.addEventListener("keydown", function (e) {
        if ((e.key === "Enter" || e.key === " ") && e.target.closest && e.target.closest(".point")) {
          e.preventDefault();
          e.target.dispatchEvent(new MouseEvent("click", {bubbles: true}));
        }
      });
      var markerAt = function (dot) {
        return markers[Array.prototype.indexOf.call(roof.querySelectorAll(".point"), dot)];
      };
      markRoof = function () {
        Array.prototype.forEach.call(roof.querySelectorAll(".point"), function (dot, k) {
          var on = markers[k].layers.some(function (l) { return l.index === selected; });
          dot.classList.toggle("selected", on);
        });
      };
      drawRoof();
    }
  }

  MC.onSelect(function (index) {
    selected = index;
    if (chart) { markChart(); }
    markRoof();
  });

  // Redraw at the new width when the page's width changes (a phone turned, a window resized).
  var lastWidth = window.innerWidth, pending = 0;
  window.addEventListener("resize", function () {
    if (window.innerWidth === lastWidth) { return; }
    lastWidth = window.innerWidth;
    clearTimeout(pending);
    pending = setTimeout(function () { if (chart) { drawChart(); } drawRoof(); }, 120);
  });
})();
