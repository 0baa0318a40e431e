// The page: the layers' table, written at compile time, made sortable, searchable and foldable by stage.
(function () {
  "use strict";
  var layers = MC.report.layers, query = "";
  var table = document.getElementById("layers");
  var body = table.tBodies[0];
  // Every row in network order: each stage's or repetition's row before its layers'.
  var treeRows = Array.prototype.slice.call(body.rows);
  var levels = treeRows.map(function (row) {
    var m = /(?:^| )d(\d+)/.exec(row.className);
    return m ? Number(m[1]) : 0;
  });
  var layerRows = [], stageRows = [], stageByName = {}, collapsed = {}, maxDepth = 0;
  treeRows.forEach(function (row) {
    var stage = row.getAttribute("data-stage");
    if (stage === null) {
      layerRows[Number(row.getAttribute("data-index"))] = row;
      return;
    }
    stageRows.push(row);
    stageByName[stage] = row;
    maxDepth = Math.max(maxDepth, Number(row.getAttribute("data-depth")));
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "toggle";
    toggle.setAttribute("aria-expanded", "true");
    toggle.setAttribute("aria-label", "fold " + stage);
    toggle.addEventListener("click", function (event) {
      event.stopPropagation();
      collapsed[stage] = !collapsed[stage];
      fold();
    });
    row.cells[0].insertBefore(toggle, row.cells[0].firstChild);
  });

  /** Hides the rows inside a folded group: a group's rows follow it, each one level deeper. */
  function fold() {
    var hideBelow = Infinity;
    for (var i = 0; i < treeRows.length; i++) {
      var row = treeRows[i], level = levels[i];
      if (level <= hideBelow) { hideBelow = Infinity; }
      var folded = hideBelow !== Infinity;
      if (row.classList.contains("folded") !== folded) { row.classList.toggle("folded", folded); }
      var stage = row.getAttribute("data-stage");
      if (stage !== null) {
        row.cells[0].firstChild.setAttribute("aria-expanded", String(!collapsed[stage]));
        if (!folded && collapsed[stage]) { hideBelow = level; }
      }
    }
  }
  function foldFrom(depth) {
    stageRows.forEach(function (row) {
      collapsed[row.getAttribute("data-stage")] = Number(row.getAttribute("data-depth")) >= depth;
    });
    fold();
  }

  // Sorting: numbers as numbers, shapes element by element (64x56x56 before 64x112x112), absent values last.
  function compare(x, y) {
    if (x === null || x === undefined) { return y === null || y === undefined ? 0 : 1; }
    if (y === null || y === undefined) { return -1; }
    if (Array.isArray(x)) {
      for (var i = 0; i < x.length && i < y.length; i++) {
        var c = compare(x[i], y[i]);
        if (c !== 0) { return c; }
      }
      return x.length - y.length;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sortKey = "index", ascending = true;
  function sort() {
    var tree = sortKey === "index" && ascending && !query;
    table.classList.toggle("flat", !tree);
    var rows;
    if (tree) {
      rows = treeRows;
    } else {
      var order = layers.map(function (l) { return l.index; });
      order.sort(function (a, b) {
        var c = compare(layers[a][sortKey], layers[b][sortKey]);
        return (ascending ? c : -c) || a - b;
      });
      rows = order.map(function (i) { return layerRows[i]; });
    }
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
    headers.forEach(function (th) {
      if (th.getAttribute("data-key") === sortKey) {
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }
  headers.forEach(function (th) {
    var key = th.getAttribute("data-key");
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      // A new column sorts text A to Z and figures largest first; the same column again reverses.
      ascending = sortKey === key ? !ascending : key === "index" || th.classList.contains("text");
      sortKey = key;
      sort();
    });
  });

  // Search: the layers whose name or kind holds the text, flat; the tree again when the box is empty.
  var search = document.getElementById("search"), matches = document.getElementById("matches");
  var haystack = layers.map(function (l) { return (l.name + " " + l.kind).toLowerCase(); });

  function filter() {
    query = search.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < layerRows.length; i++) {
      var hide = query !== "" && haystack[i].indexOf(query) < 0;
      layerRows[i].hidden = hide;
      if (!hide) { shown++; }
    }
    matches.textContent = query === "" ? layers.length.toLocaleString("en-US") + " layers"
        : shown.toLocaleString("en-US") + " of " + layers.length.toLocaleString("en-US") + " layers";
    sort();
  }
  search.addEventListener("input", filter);

  // The tree's controls: expand, collapse, and a depth (groups deeper than it folded).
  var depth = document.getElementById("depth");
  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    depth.appendChild(o);
  }
  option("all", "all");
  for (var d = 1; d <= maxDepth; d++) { option(String(d), d === 1 ? "stages" : d === 2 ? "repetitions" : String(d)); }
  depth.addEventListener("change", function () {
    foldFrom(depth.value === "all" ? Infinity : Number(depth.value));
  });
  document.getElementById("expand-all").addEventListener("click", function () { depth.value = "all"; foldFrom(Infinity); });
  document.getElementById("collapse-all").addEventListener("click", function () { depth.value = "1"; foldFrom(1); });
  if (stageRows.length === 0) { document.querySelector(".tree-controls").hidden = true; }

  // Selection, shared with the graph and the charts: a row's click selects its layer; a selected layer's row is
  // highlighted, its groups unfolded, and brought into view.
  body.addEventListener("click", function (event) {
    var row = event.target.closest("tr");
    if (!row) { return; }
    var stage = row.getAttribute("data-stage");
    if (stage !== null) {
      collapsed[stage] = !collapsed[stage];
      fold();
    } else {
      MC.select(Number(row.getAttribute("data-index")));
    }
  });
  // The keyboard: the table's body is one tab stop, and the arrow keys (Home, End) move the selection through
  // the layer rows in view, in their order on screen.
  body.tabIndex = 0;
  body.setAttribute("aria-label", "layers: the arrow keys select one");
  var steps = {ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity};
  body.addEventListener("keydown", function (event) {
    if (!(event.key in steps) || event.target !== body) { return; }
    var rows = Array.prototype.filter.call(body.rows, function (r) {
      return r.hasAttribute("data-index") && r.getClientRects().length > 0;
    });
    if (rows.length === 0) { return; }
    event.preventDefault();
    var at = rows.indexOf(selected), step = steps[event.key];
    var next = at < 0 && isFinite(step) ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
    MC.select(Number(rows[next].getAttribute("data-index")));
  });
  var selected = null;
  MC.onSelect(function (index) {
    if (selected) { selected.classList.remove("selected"); }
    selected = layerRows[index] || null;
    if (!selected) { return; }
    selected.classList.add("selected");
    var name = layers[index].name, dot = name.indexOf("."), unfolded = false;
    for (; dot >= 0; dot = name.indexOf(".", dot + 1)) {
      var group = name.substring(0, dot);
      if (collapsed[group]) { collapsed[group] = false; unfolded = true; }
    }
    if (unfolded) { fold(); }
    if (selected.hidden) { search.value = ""; filter(); }
    selected.scrollIntoView({ block: "nearest" });
  });

  document.getElementById("table-controls").hidden = false;
  matches.textContent = layers.length.toLocaleString("en-US") + " layers";
})();
