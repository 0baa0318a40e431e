// Shared by the page's scripts: the report's data, number formats, element builders and the selected layer.
(function () {
  "use strict";
  var root = document.documentElement;
  var errors = 0;
  function countError() { errors++; root.setAttribute("data-errors", String(errors)); }
  window.addEventListener("error", countError);
  var consoleError = console.error;
  console.error = function () { countError(); consoleError.apply(console, arguments); };

  var SVG = "http://www.w3.org/2000/svg";
  var listeners = [];
  function scaled(n, base, prefixes, unit) {
    if (n === null || n === undefined) { return ""; }
    var v = Math.abs(n), step = 0;
    while (step < prefixes.length - 1 && v >= base - 0.5) { v /= base; step++; }
    var text = step === 0 ? String(Math.abs(n)) : v.toFixed(v >= 99.95 ? 0 : v >= 9.995 ? 1 : 2);
    var prefix = prefixes[step];
    return (n < 0 ? "-" : "") + text + (prefix === "" && unit === "" ? "" : " ") + prefix + unit;
  }
  var MC = {
    report: JSON.parse(document.getElementById("data").textContent),
    /** A count with thousands separators, e.g. 4,089,184,256; "" for null. */
    fmt: function (n) { return n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"); },
    /** A count in SI units, three significant digits, as Reports.scaled: 4.09 GFLOPs; "" for null. */
    scaled: function (n, unit) { return scaled(n, 1000, ["", "k", "M", "G", "T", "P", "E"], unit || ""); },
    /** Bytes in binary units, as Reports.scaledBytes: 98.0 MiB. */
    bytes: function (n) { return scaled(n, 1024, ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"], "B"); },
    /** Nanoseconds in the unit that suits them, as Reports.scaledNanos: 1.97 ms. */
    nanos: function (n) { return scaled(n, 1000, ["n", "\u00b5", "m", ""], "s"); },
    /** An SVG element with attributes and, optionally, text. */
    svg: function (name, attrs, text) {
      var node = document.createElementNS(SVG, name);
      for (var k in attrs) { node.setAttribute(k, attrs[k]); }
      if (text !== undefined) { node.textContent = text; }
      return node;
    },
    /** Calls fn(index) whenever a layer is selected, in the table, the graph or a chart. */
    onSelect: function (fn) { listeners.push(fn); },
    select: function (index) { listeners.forEach(function (fn) { fn(index); }); }
  };
  window.MC = MC;
})();
