// Test only, appended to a copy of a report page: exercises the page as a reader would and records what it sees
// in data-probe-* attributes of the root element, then posts them to the frame that holds the page (the test
// reads the frame's --dump-dom). window.PROBE = {query: the search text, sort: the column key to sort by}.
(function () {
  "use strict";
  var root = document.documentElement, probe = window.PROBE || {};
  function set(name, value) { root.setAttribute("data-probe-" + name, String(value)); }
  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll("#layers tbody tr[data-index]"),
        function (r) { return r.getClientRects().length > 0; });
  }
  function text(value) { return Array.isArray(value) ? value.join("x") : String(value); }
  try {
    set("scroll-width", root.scrollWidth);
    set("client-width", root.clientWidth);
    set("inner-width", window.innerWidth);
    set("rows", document.querySelectorAll("#layers tbody tr[data-index]").length);
    set("stage-rows", document.querySelectorAll("#layers tbody tr[data-stage]").length);
    set("visible", visible().length);
    document.getElementById("collapse-all").click();
    set("collapsed-visible", visible().length
        + document.querySelectorAll("#layers tbody tr[data-stage]:not(.folded)").length);
    // Still folded: the search and the sort show every layer that matches, the folded ones too.
    var search = document.getElementById("search");
    search.value = probe.query || "";
    search.dispatchEvent(new Event("input"));
    set("search", visible().map(function (r) { return MC.report.layers[r.getAttribute("data-index")].name; })
        .join(" "));
    set("matches", document.getElementById("matches").textContent);
    search.value = "";
    search.dispatchEvent(new Event("input"));
    var key = probe.sort || "outputShape";
    var th = document.querySelector("#layers th[data-key='" + key + "']");
    th.querySelector("button").click();
    set("sort", th.getAttribute("aria-sort"));
    set("sorted", visible().map(function (r) { return text(MC.report.layers[r.getAttribute("data-index")][key]); })
        .join(" "));
    // The keyboard, in the sorted order: two steps down from no selection, then the last row, one step up.
    var body = document.querySelector("#layers tbody"), keys = [];
    set("body-tab-index", body.tabIndex);
    body.focus();
    ["ArrowDown", "ArrowDown", "End", "ArrowUp"].forEach(function (key) {
      body.dispatchEvent(new KeyboardEvent("keydown", {key: key, bubbles: true}));
      keys.push(document.querySelector("#layers tbody tr.selected").getAttribute("data-index"));
    });
    set("keys", keys.join(" "));
    set("done", "1");
  } catch (e) {
    set("failure", e && e.message);
  }
  var out = {};
  Array.prototype.forEach.call(root.attributes, function (a) {
    if (a.name.indexOf("data-") === 0) { out[a.name] = a.value; }
  });
  if (window.parent !== window) { window.parent.postMessage(out, "*"); }
})();
