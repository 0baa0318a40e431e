// The network drawn as a graph of its layers: one node per layer (or per collapsed stage), edges from each
// layer's inputs, laid out in ranks (the longest path from the network's input) and lanes within a rank, so that
// branches sit side by side and merges are visible. Linked both ways with the table through MC.select.
(function () {
  "use strict";
  var report = MC.report, layers = report.layers, stages = report.stages || [], el = MC.svg;
  var section = document.getElementById("graph-section");
  if (!section) { return; }
  var root = document.documentElement;

  // Geometry, in pixels: the drawing keeps its natural size inside a scroll container of its own.
  var NODE_W = 150, NODE_H = 22, LANE_W = 176, ROW_H = 36, MARGIN = 16, LABEL_W = 110;
  var MAX_EXPANDED = 300;

  var metrics = [["MACs", "macs", MC.scaled], ["FLOPs", "flops", MC.scaled], ["parameters", "params", MC.scaled],
                 ["bytes moved", "bytesMoved", MC.bytes]];
  if (report.device) { metrics.push(["latency", "latencyNanos", MC.nanos]); }

  // The stages by name, and each layer's enclosing stages outermost first (Stages.of: a stage is a name prefix).
  var stageByName = {};
  stages.forEach(function (s) { stageByName[s.name] = s; });
  function ancestors(stage) {
    var out = [];
    if (!stage) { return out; }
    var parts = stage.split("."), name = "";
    for (var i = 0; i < parts.length; i++) {
      name = i === 0 ? parts[0] : name + "." + parts[i];
      if (stageByName[name]) { out.push(stageByName[name]); }
    }
    return out;
  }
  var chains = layers.map(function (l) { return ancestors(l.stage); });
  var indexByName = {};
  layers.forEach(function (l) { indexByName[l.name] = l.index; });

  var collapsed = {};
  function collapseAt(depth) {
    collapsed = {};
    stages.forEach(function (s) { if (s.depth === depth) { collapsed[s.name] = true; } });
  }
  function unitOf(i) {
    var chain = chains[i];
    for (var k = 0; k < chain.length; k++) { if (collapsed[chain[k].name]) { return chain[k]; } }
    return null;
  }
  function countUnits() {
    var count = 0, last = null;
    for (var i = 0; i < layers.length; i++) {
      var s = unitOf(i);
      if (s === null || s !== last) { count++; }
      last = s;
    }
    return count;
  }
  // A large network starts collapsed at the deepest stage depth that keeps the drawing under MAX_EXPANDED nodes.
  var maxDepth = stages.reduce(function (m, s) { return Math.max(m, s.depth); }, 0);
  if (layers.length > MAX_EXPANDED && maxDepth > 0) {
    var chosen = 1;
    for (var d = 1; d <= maxDepth; d++) {
      collapseAt(d);
      if (countUnits() <= MAX_EXPANDED) { chosen = d; }
    }
    collapseAt(chosen);
  }

  // Controls: the figure the nodes are coloured by, collapse all, expand all.
  while (section.firstChild) { section.removeChild(section.firstChild); }
  function html(name, attrs, text) {
    var node = document.createElement(name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  section.appendChild(html("h2", {}, "Network graph"));
  var controls = html("div", {"class": "controls graph-controls"});
  var label = html("label", {}, "Colour by ");
  var select = html("select", {id: "graph-metric"});
  metrics.forEach(function (m, i) { select.appendChild(html("option", {value: String(i)}, m[0])); });
  label.appendChild(select);
  controls.appendChild(label);
  var collapseButton = html("button", {type: "button"}, "Collapse all");
  var expandButton = html("button", {type: "button"}, "Expand all");
  if (stages.length > 0) { controls.appendChild(collapseButton); controls.appendChild(expandButton); }
  var summary = html("span", {"class": "graph-summary"});
  controls.appendChild(summary);
  section.appendChild(controls);
  var legend = html("div", {"class": "graph-legend"});
  section.appendChild(legend);
  var scroller = html("div", {"class": "graph-scroll", tabindex: "0", "aria-label": "network graph"});
  section.appendChild(scroller);

  var metric = 0, selected = -1, svg = null, nodeOf = {}, units = [], unitIndexOfLayer = [];

  function value(item) {
    var v = item[metrics[metric][1]];
    return v === null || v === undefined || v < 0 ? 0 : v;
  }

  // The layout: units in index order (a topological order, since a layer reads only layers declared before it
  // and a stage is a contiguous range of layers), ranks by the longest path, lanes following the first input.
  function layout() {
    units = [];
    unitIndexOfLayer = new Array(layers.length);
    var last = null;
    for (var i = 0; i < layers.length; i++) {
      var s = unitOf(i);
      if (s === null || s !== last) {
        units.push({stage: s, layer: s === null ? layers[i] : null, first: i, preds: [], rank: 0, lane: 0});
      }
      unitIndexOfLayer[i] = units.length - 1;
      last = s;
    }
    // Unit 0 is drawn before every layer: the network's input.
    var edges = [], seen = {};
    layers.forEach(function (l, i) {
      var to = unitIndexOfLayer[i] + 1;
      l.inputs.forEach(function (name) {
        var from = name === "<input>" ? 0 : indexByName[name] === undefined ? -1 : unitIndexOfLayer[indexByName[name]] + 1;
        if (from < 0 || from === to) { return; }
        var key = from + ">" + to;
        if (seen[key]) { return; }
        seen[key] = true;
        edges.push([from, to]);
        if (from < to) { units[to - 1].preds.push(from); }
      });
    });
    var rank = [0], lane = [0], used = [{0: true}], nextFree = [1], lanes = 1, ranks = 1;
    units.forEach(function (u, k) {
      var r = 1;
      u.preds.forEach(function (p) { r = Math.max(r, rank[p] + 1); });
      var preferred = u.preds.length > 0 ? lane[u.preds[0]] : 0;
      if (!used[r]) { used[r] = {}; nextFree[r] = 0; }
      var ln = preferred;
      if (used[r][ln]) {
        while (used[r][nextFree[r]]) { nextFree[r]++; }
        ln = nextFree[r];
      }
      used[r][ln] = true;
      rank.push(r);
      lane.push(ln);
      u.rank = r;
      u.lane = ln;
      lanes = Math.max(lanes, ln + 1);
      ranks = Math.max(ranks, r + 1);
    });
    return {edges: edges, rank: rank, lane: lane, lanes: lanes, ranks: ranks};
  }

  function shortName(name, max) {
    return name.length <= max ? name : name.slice(0, max - 1) + "\u2026";
  }

  function shade(v, max) {
    // Opacity grows with the figure on a log scale, so that a 100x smaller layer is still visible.
    return v <= 0 ? 0 : 0.15 + 0.85 * Math.log(1 + v) / Math.log(1 + Math.max(max, 1));
  }

  function draw() {
    var started = performance.now();
    var g = layout();
    var width = 2 * MARGIN + (g.lanes - 1) * LANE_W + NODE_W + LABEL_W;
    var height = 2 * MARGIN + (g.ranks - 1) * ROW_H + NODE_H;
    function cx(k) { return MARGIN + NODE_W / 2 + g.lane[k] * LANE_W; }
    function cy(k) { return MARGIN + NODE_H / 2 + g.rank[k] * ROW_H; }
    svg = el("svg", {"class": "graph", width: width, height: height, viewBox: "0 0 " + width + " " + height,
                     role: "img", "aria-label": "layer graph: " + layers.length + " layers"});
    var boxes = el("g", {"class": "stage-boxes"}), edgeLayer = el("g", {"class": "edges"}),
        nodeLayer = el("g", {"class": "nodes"});
    svg.appendChild(boxes);
    svg.appendChild(edgeLayer);
    svg.appendChild(nodeLayer);

    g.edges.forEach(function (e) {
      var a = e[0], b = e[1], x1 = cx(a), y1 = cy(a) + NODE_H / 2, x2 = cx(b), y2 = cy(b) - NODE_H / 2, d;
      if (g.rank[b] - g.rank[a] > 1 && g.lane[a] === g.lane[b]) {
        // A skip connection in one lane bows out to the left of the nodes it passes.
        var left = x1 - NODE_W / 2, bow = left - 26;
        d = "M" + left + "," + (y1 - NODE_H / 2) + " C" + bow + "," + (y1 - NODE_H / 2) + " " + bow + "," +
            (y2 + NODE_H / 2) + " " + left + "," + (y2 + NODE_H / 2);
      } else if (g.rank[b] - g.rank[a] > 1) {
        // A long edge between lanes runs down its source's lane, then turns into its target in the last row.
        var turn = y2 - ROW_H + NODE_H, bend = (turn + y2) / 2;
        d = "M" + x1 + "," + y1 + " L" + x1 + "," + turn + " C" + x1 + "," + bend + " " + x2 + "," + bend + " " +
            x2 + "," + y2;
      } else {
        var mid = (y1 + y2) / 2;
        d = "M" + x1 + "," + y1 + " C" + x1 + "," + mid + " " + x2 + "," + mid + " " + x2 + "," + y2;
      }
      edgeLayer.appendChild(el("path", {"class": "edge", d: d, "data-from": a, "data-to": b}));
    });

    var max = 0;
    units.forEach(function (u) { max = Math.max(max, value(u.stage || u.layer)); });
    var fmtValue = metrics[metric][2], unitName = metrics[metric][0];
    nodeOf = {};
    var drawn = 0;
    var input = el("g", {"class": "graph-input", transform: "translate(" + (cx(0) - NODE_W / 2) + "," +
                                                            (cy(0) - NODE_H / 2) + ")"});
    input.appendChild(el("rect", {width: NODE_W, height: NODE_H, rx: 11}));
    input.appendChild(el("text", {x: NODE_W / 2, y: 15, "text-anchor": "middle"},
                         "input " + (report.input || []).join("x")));
    nodeLayer.appendChild(input);
    units.forEach(function (u, i) {
      var k = i + 1, item = u.stage || u.layer, v = value(item);
      var attrs = u.stage ? {"class": "stage-node", "data-stage": u.stage.name}
                          : {"class": "node", "data-index": u.layer.index};
      attrs.transform = "translate(" + (cx(k) - NODE_W / 2) + "," + (cy(k) - NODE_H / 2) + ")";
      attrs.tabindex = "0";
      attrs["data-rank"] = g.rank[k];
      attrs["data-lane"] = g.lane[k];
      var node = el("g", attrs);
      var rect = el("rect", {width: NODE_W, height: NODE_H, rx: u.stage ? 2 : 4});
      var shadeRect = el("rect", {"class": "shade", width: NODE_W, height: NODE_H, rx: u.stage ? 2 : 4,
                                  "fill-opacity": shade(v, max).toFixed(3)});
      var text = u.stage ? "\u25B8 " + shortName(u.stage.name, 13) + " \u00b7 " + u.stage.layers + " layers"
                         : shortName(u.layer.name, 22);
      var title = u.stage
          ? u.stage.name + ": " + u.stage.layers + " layers (" + u.stage.first + "-" + u.stage.last + "), " +
            unitName + " " + MC.fmt(v) + " (" + fmtValue(v) + "). Click to expand."
          : u.layer.name + " (" + u.layer.kind + "), #" + u.layer.index + ": " + unitName + " " + MC.fmt(v) +
            " (" + fmtValue(v) + ")";
      node.appendChild(el("title", {}, title));
      node.appendChild(rect);
      node.appendChild(shadeRect);
      node.appendChild(el("text", {x: 6, y: 15}, text));
      nodeLayer.appendChild(node);
      if (u.layer) { nodeOf[u.layer.index] = node; drawn++; }
    });

    // Expanded stages: a box around their nodes, with a label that collapses them.
    stages.forEach(function (s) {
      if (ancestors(s.name).some(function (a) { return collapsed[a.name]; })) { return; }
      var k0 = unitIndexOfLayer[s.first] + 1, k1 = unitIndexOfLayer[s.last] + 1, minLane = Infinity, maxLane = 0;
      for (var k = k0; k <= k1; k++) { minLane = Math.min(minLane, g.lane[k]); maxLane = Math.max(maxLane, g.lane[k]); }
      var pad = 4 + 3 * (maxDepth - s.depth);
      var x = MARGIN + minLane * LANE_W - pad - 20, y = cy(k0) - NODE_H / 2 - pad;
      var w = (maxLane - minLane) * LANE_W + NODE_W + 2 * pad + 20, h = cy(k1) - cy(k0) + NODE_H + 2 * pad;
      boxes.appendChild(el("rect", {"class": "stage-box depth-" + s.depth, x: x, y: y, width: w, height: h, rx: 6}));
      var tag = el("text", {"class": "stage-label", x: x + w + 4, y: y + 10 + 12 * (s.depth - 1),
                            tabindex: "0", "data-stage": s.name}, "\u25BE " + shortName(s.name, 14));
      tag.appendChild(el("title", {}, s.name + ": " + s.layers + " layers. Click to collapse."));
      boxes.appendChild(tag);
    });

    while (scroller.firstChild) { scroller.removeChild(scroller.firstChild); }
    scroller.appendChild(svg);
    root.setAttribute("data-graph-nodes", String(drawn));
    root.setAttribute("data-graph-edges", String(g.edges.length));
    var folded = units.length - drawn;
    summary.textContent = drawn + " of " + layers.length + " layers drawn" +
        (folded > 0 ? ", " + folded + " stages collapsed" : "") + ".";
    drawLegend(max);
    if (selected >= 0 && nodeOf[selected]) { nodeOf[selected].classList.add("selected"); }
    svg.setAttribute("data-layout-ms", (performance.now() - started).toFixed(1));
  }

  function drawLegend(max) {
    while (legend.firstChild) { legend.removeChild(legend.firstChild); }
    var fmtValue = metrics[metric][2];
    legend.appendChild(html("span", {}, metrics[metric][0] + ": "));
    [0, 0.25, 0.5, 0.75, 1].forEach(function (t) {
      var v = t === 0 ? 0 : Math.round(Math.exp(t * Math.log(1 + max)) - 1);
      var box = html("span", {"class": "swatch"});
      var s = el("svg", {width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true"});
      s.appendChild(el("rect", {"class": "swatch-base", width: 14, height: 14, rx: 3}));
      s.appendChild(el("rect", {"class": "shade", width: 14, height: 14, rx: 3, "fill-opacity": shade(v, max).toFixed(3)}));
      box.appendChild(s);
      box.appendChild(document.createTextNode(" " + (t === 0 ? "0" : fmtValue(v))));
      legend.appendChild(box);
    });
  }

  function toggleStage(name, collapse) {
    if (collapse) { collapsed[name] = true; } else { delete collapsed[name]; }
    draw();
  }
  function activate(target) {
    var node = target.closest ? target.closest("[data-index], [data-stage]") : null;
    if (!node || !svg.contains(node)) { return; }
    if (node.hasAttribute("data-index")) {
      MC.select(Number(node.getAttribute("data-index")));
    } else if (node.classList.contains("stage-node")) {
      toggleStage(node.getAttribute("data-stage"), false);
    } else {
      toggleStage(node.getAttribute("data-stage"), true);
    }
  }
  scroller.addEventListener("click", function (e) { activate(e.target); });
  scroller.addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " ") { activate(e.target); if (e.target !== scroller) { e.preventDefault(); } }
  });
  select.addEventListener("change", function () { metric = Number(select.value); draw(); });
  collapseButton.addEventListener("click", function () { collapseAt(1); draw(); });
  expandButton.addEventListener("click", function () { collapsed = {}; draw(); });

  MC.onSelect(function (index) {
    if (selected >= 0 && nodeOf[selected]) { nodeOf[selected].classList.remove("selected"); }
    selected = index;
    if (!nodeOf[index]) {
      var opened = false;
      (chains[index] || []).forEach(function (s) { if (collapsed[s.name]) { delete collapsed[s.name]; opened = true; } });
      if (opened) { draw(); }
    }
    var node = nodeOf[index];
    if (!node) { return; }
    node.classList.add("selected");
    // Scroll the graph's own container (never the page) so that the node is in view.
    var box = node.getBBox(), m = node.transform.baseVal.consolidate().matrix;
    var x = m.e + box.width / 2, y = m.f + box.height / 2;
    if (y < scroller.scrollTop || y > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, y - scroller.clientHeight / 2);
    }
    if (x < scroller.scrollLeft || x > scroller.scrollLeft + scroller.clientWidth) {
      scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2);
    }
  });

  draw();
})();
