// The per-layer bar chart and the roofline.
(function () {
  "use strict";
  var report = MC.report, layers = report.layers, fmt = MC.fmt, el = MC.svg;

  var chart = document.getElementById("chart");
  function drawChart(metric) {
    while (chart.firstChild) { chart.removeChild(chart.firstChild); }
    var width = 960, height = 240, top = 20, bottom = 30, left = 10;
    var max = Math.max.apply(null, layers.map(function (l) { return l[metric]; }).concat([1]));
    var step = (width - left) / Math.max(1, layers.length);
    chart.appendChild(el("line", {x1: left, y1: height - bottom, x2: width, y2: height - bottom, "class": "axis"}));
    chart.appendChild(el("text", {x: left, y: top - 6}, "max " + fmt(max)));
    layers.forEach(function (l, i) {
      var h = (height - top - bottom) * l[metric] / max;
      var bar = el("rect", {"class": "bar", x: left + i * step, y: height - bottom - h,
                            width: Math.max(1, step * 0.8), height: h});
      bar.appendChild(el("title", {}, l.name + " (" + l.kind + "): " + fmt(l[metric])));
      chart.appendChild(bar);
    });
    Array.prototype.forEach.call(document.querySelectorAll("#metrics button"), function (b) {
      b.className = b.getAttribute("data-metric") === metric ? "on" : "";
    });
  }
  [["MACs", "macs"], ["FLOPs", "flops"], ["parameters", "params"], ["activation bytes", "activationBytes"],
   ["bytes moved", "bytesMoved"]].forEach(function (m) {
    var b = document.createElement("button");
    b.textContent = m[0];
    b.setAttribute("data-metric", m[1]);
    b.addEventListener("click", function () { drawChart(m[1]); });
    document.getElementById("metrics").appendChild(b);
  });
  drawChart("macs");

  var roof = document.getElementById("roofline");
  if (!report.device) {
    document.getElementById("roofline-note").textContent =
        "Declare a device (@Device or -Amodelcost.device) to see where each layer sits on its roofline.";
    roof.setAttribute("height", "0");
  } else {
    var peak = report.device.peakFlopsPerSecond, bw = report.device.bytesPerSecond, ridge = peak / bw;
    document.getElementById("roofline-note").textContent = "Peak " + fmt(peak) + " FLOP/s, bandwidth " +
        fmt(bw) + " B/s, ridge point " + ridge.toFixed(1) + " FLOP/byte. Red: compute-bound; blue: memory-bound.";
    var points = layers.filter(function (l) { return l.bytesMoved > 0 && l.flops > 0; });
    var xs = points.map(function (l) { return l.flops / l.bytesMoved; }).concat([ridge]);
    var xmin = Math.pow(10, Math.floor(Math.log10(Math.min.apply(null, xs)))),
        xmax = Math.pow(10, Math.ceil(Math.log10(Math.max.apply(null, xs) * 10)));
    var ymax = Math.pow(10, Math.ceil(Math.log10(peak))), ymin = Math.pow(10, Math.floor(Math.log10(xmin * bw)));
    var W = 640, H = 360, L = 50, B = 30;
    function px(x) { return L + (W - L - 10) * Math.log(x / xmin) / Math.log(xmax / xmin); }
    function py(y) { return H - B - (H - B - 10) * Math.log(Math.max(y, ymin) / ymin) / Math.log(ymax / ymin); }
    roof.appendChild(el("line", {x1: L, y1: H - B, x2: W, y2: H - B, "class": "axis"}));
    roof.appendChild(el("line", {x1: L, y1: 0, x2: L, y2: H - B, "class": "axis"}));
    roof.appendChild(el("text", {x: L, y: H - 8}, "FLOP/byte (log) from " + xmin));
    roof.appendChild(el("text", {x: 2, y: 12}, "FLOP/s (log)"));
    roof.appendChild(el("polyline", {"class": "roof", points: px(xmin) + "," + py(xmin * bw) + " " +
        px(ridge) + "," + py(peak) + " " + px(xmax) + "," + py(peak)}));
    points.forEach(function (l) {
      var x = l.flops / l.bytesMoved;
      var dot = el("circle", {"class": "point " + l.bound, cx: px(x), cy: py(Math.min(peak, x * bw)), r: 4});
      dot.appendChild(el("title", {}, l.name + ": " + x.toFixed(2) + " FLOP/byte, " + l.bound + "-bound, " +
          fmt(l.latencyNanos) + " ns"));
      roof.appendChild(dot);
    });
  }

})();
