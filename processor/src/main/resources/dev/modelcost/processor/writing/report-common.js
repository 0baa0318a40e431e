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
  var MC = {
    report: JSON.parse(document.getElementById("data").textContent),
    /** A count with thousands separators, e.g. 4,089,184,256; "" for null. */
    fmt: function (n) { return n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"); },
    /** A count in SI units with three significant digits, e.g. 4.09 G; "" for null. */
    scaled: function (n, unit) {
      if (n === null || n === undefined) { return ""; }
      var prefixes = ["", "k", "M", "G", "T", "P", "E"], i = 0, v = Math.abs(n);
      while (v >= 999.5 && i < prefixes.length - 1) { v /= 1000; i++; }
      var text = i === 0 ? String(Math.round(v)) : v.toPrecision(3);
      return (n < 0 ? "-" : "") + text + " " + prefixes[i] + (unit || "");
    },
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
