// Progressive enhancement for story listings: a text filter over the cards on this page.
// Without JavaScript the theme, region and page links do the same job.
(function () {
  "use strict";
  var holder = document.querySelector(".lrp-filter");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".lrp-card"));
  if (!holder || cards.length === 0) {
    return;
  }
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var label = document.createElement("label");
  label.setAttribute("for", "lrp-filter-input");
  label.textContent = holder.getAttribute("data-label");
  var input = document.createElement("input");
  input.type = "search";
  input.id = "lrp-filter-input";
  input.className = "lrp-filter__input";
  var status = document.createElement("p");
  status.className = "lrp-filter__status";
  status.setAttribute("role", "status");
  var template = holder.getAttribute("data-status");
  var templateForOne = holder.getAttribute("data-status-one") || template;
  // The page's language decides which numbers take the singular: in Latvian 1, 21, 31…
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang) : null;
  var texts = cards.map(function (card) { return fold(card.textContent); });
  input.addEventListener("input", function () {
    var query = fold(input.value.trim());
    var shown = 0;
    cards.forEach(function (card, index) {
      var match = query === "" || texts[index].indexOf(query) !== -1;
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    var wording = plural && plural.select(shown) === "one" ? templateForOne : template;
    status.textContent = wording.replace("{shown}", shown).replace("{total}", cards.length);
  });
  holder.appendChild(label);
  holder.appendChild(input);
  holder.appendChild(status);
  holder.hidden = false;
})();
