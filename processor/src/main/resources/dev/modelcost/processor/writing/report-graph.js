// The network drawn as a graph of its layers.
(function () {
  "use strict";
})();
