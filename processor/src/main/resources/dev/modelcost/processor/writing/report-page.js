// The page: its title, the totals and the sortable table of layers.
(function () {
  "use strict";
  var report = MC.report, layers = report.layers, fmt = MC.fmt;
  function cell(row, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
  }

  document.getElementById("title").textContent = report.network;
  document.getElementById("subtitle").textContent = report["class"] + ": input " + report.input.join("x") +
      ", output " + report.output.join("x") + ", " + layers.length + " layers, " + report.precision +
      (report.device ? " on " + report.device.name : "") + ". Per sample (batch 1).";

  var totals = document.getElementById("totals");
  function totalRows(figures, rows) {
    rows.forEach(function (t) {
      if (figures[t[1]] === null) { return; }
      var row = document.createElement("tr");
      cell(row, t[0], "text");
      cell(row, fmt(figures[t[1]]));
      cell(row, report.conventions[t[1]] || "", "text");
      totals.appendChild(row);
    });
  }
  totalRows(report.totals, [["MACs", "macs"], ["FLOPs", "flops"], ["parameters", "params"],
   ["activations", "activations"], ["parameter bytes", "paramBytes"], ["peak activation bytes", "peakActivationBytes"],
   ["bytes moved", "bytesMoved"], ["latency lower bound (ns)", "latencyNanos"]]);
  var training = report.training;
  totalRows(training, [["training memory bytes (" + training.optimizer + ", " + training.precision + ", batch " +
      training.batch + ")", "trainingMemoryBytes"], ["saved activation bytes", "savedActivationBytes"],
   ["batch latency lower bound (ns)", "batchLatencyNanos"]]);

  var columns = [["#", "index"], ["layer", "name", "text"], ["kind", "kind", "text"], ["settings", "settings", "text"],
                 ["input", "inputShapes", "text"], ["output", "outputShape", "text"], ["MACs", "macs"],
                 ["FLOPs", "flops"], ["params", "params"], ["activation bytes", "activationBytes"],
                 ["bytes moved", "bytesMoved"], ["FLOP/byte", "intensity"], ["latency (ns)", "latencyNanos"],
                 ["bound", "bound", "text"]];
  var table = document.getElementById("layers");
  var headRow = document.createElement("tr");
  var sortKey = "index", ascending = true;
  function shape(s) { return s.join("x"); }
  function value(l, key) {
    var v = l[key];
    return !Array.isArray(v) ? v : Array.isArray(v[0]) ? v.map(shape).join(", ") : shape(v);
  }
  function fill() {
    var sorted = layers.slice().sort(function (a, b) {
      var x = value(a, sortKey), y = value(b, sortKey);
      var order = (x === null) - (y === null) || (x < y ? -1 : x > y ? 1 : 0);
      return ascending ? order : -order;
    });
    var body = table.tBodies[0];
    while (body.firstChild) { body.removeChild(body.firstChild); }
    sorted.forEach(function (l) {
      var row = document.createElement("tr");
      columns.forEach(function (c) {
        var v = value(l, c[1]);
        cell(row, c[2] ? (v === null ? "" : String(v)) : (c[1] === "intensity" ? Number(v).toFixed(2) : fmt(v)),
             c[2]);
      });
      body.appendChild(row);
    });
    Array.prototype.forEach.call(headRow.children, function (th) {
      var key = th.getAttribute("data-key");
      th.className = (th.getAttribute("data-text") ? "text " : "") +
          (key === sortKey ? (ascending ? "sorted-asc" : "sorted-desc") : "");
    });
  }
  columns.forEach(function (c) {
    var th = document.createElement("th");
    th.textContent = c[0];
    th.setAttribute("data-key", c[1]);
    if (c[2]) { th.setAttribute("data-text", "1"); }
    th.addEventListener("click", function () {
      ascending = sortKey === c[1] ? !ascending : !!c[2];
      sortKey = c[1];
      fill();
    });
    headRow.appendChild(th);
  });
  table.tHead.appendChild(headRow);
  fill();
})();
