// Starts Pagefind's search UI on the language's search page.
// `?q=term` in the address starts a search right away, so a search can be linked to.
(function () {
  "use strict";
  var mount = document.getElementById("lrp-search");
  if (!mount || typeof window.PagefindUI !== "function") {
    return;
  }
  var strings = JSON.parse(document.getElementById("lrp-search-strings").textContent);
  var ui = new window.PagefindUI({
    element: "#lrp-search",
    bundlePath: mount.getAttribute("data-bundle"),
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    translations: strings,
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
})();
