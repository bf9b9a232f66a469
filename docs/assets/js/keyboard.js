// Keyboard access where Material relies on the mouse. An external file: the CSP forbids inline
// scripts.
//  - Wide tables scroll in their own box; when they do, the box takes focus, so that the arrow
//    keys can scroll it, and is named after the table's caption.
//  - The menu (the navigation drawer on narrow screens): Material's button is a <label> for a
//    hidden checkbox, which the Tab key never reaches. A <button> takes its place (Enter or
//    Space opens and closes the drawer, Escape or tabbing out of it closes it), and focus stays
//    where the visitor can see it. Without JavaScript the label still opens the drawer by mouse.
(function () {
  "use strict";
  var captionCount = 0;
  var markScrollers = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          var caption = box.querySelector("caption");
          if (caption) {
            caption.id = caption.id || "lrp-caption-" + (captionCount += 1);
            box.setAttribute("role", "region");
            box.setAttribute("aria-labelledby", caption.id);
          }
        }
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    });
  };
  var resizeTimer = null;
  markScrollers();
  document.addEventListener("DOMContentLoaded", markScrollers);
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollers, 150);
  });

  var drawer = document.getElementById("__drawer");
  // Browsers may restore a checkbox's state on reload: the drawer and search start closed.
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle && toggle.checked) {
      toggle.click();
    }
  });
  var label = document.querySelector('.md-header__button[for="__drawer"]');
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (!drawer || !label || !sidebar) {
    return;
  }
  // A real button in place of the label, with the same look, icon and (hidden) name.
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " lrp-drawer-button";
  while (label.firstChild) {
    button.appendChild(label.firstChild);
  }
  label.parentNode.replaceChild(button, label);
  var shown = function (element) {
    return element.getClientRects().length > 0;
  };
  var firstStop = function () {
    return sidebar.querySelector('a[href], label[tabindex="0"], button:not([hidden])');
  };
  var sync = function () {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  };
  sync();
  drawer.addEventListener("change", function () {
    sync();
    // Closed some other way (the overlay, a link): focus must not stay in the hidden drawer.
    if (!drawer.checked && sidebar.contains(document.activeElement) && shown(button)) {
      button.focus();
    }
  });
  button.addEventListener("click", function (event) {
    drawer.click();
    // Opened from the keyboard (a click with no pointer): focus goes into the drawer.
    var first = event.detail === 0 && drawer.checked && firstStop();
    if (first) {
      first.focus({ preventScroll: true });
    }
  });
  // Tabbing out of the open drawer closes it, so focus never goes behind its overlay.
  sidebar.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (drawer.checked && shown(button) && next && !sidebar.contains(next) && next !== button) {
      drawer.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && shown(button)) {
      drawer.click();
      button.focus();
    }
  });
})();

// The language menu: Material opens it whenever focus is inside it and gives its button no
// state, so a screen reader hears a button that seems to do nothing. Here the button opens and
// closes the list (aria-expanded says which), Escape or leaving the menu closes it, and the
// links of a closed list are out of the Tab order. The mouse still opens it by hovering, and
// without JavaScript Material's behaviour stays.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-select"), function (select, index) {
    var button = select.querySelector(".md-header__button");
    var list = select.querySelector(".md-select__list");
    if (!button || !list) {
      return;
    }
    list.id = list.id || "lrp-select-list-" + (index + 1);
    button.type = "button";
    button.setAttribute("aria-controls", list.id);
    var setOpen = function (open) {
      select.classList.toggle("lrp-select--open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    };
    setOpen(false);
    select.classList.add("lrp-select");
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    select.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !select.contains(event.relatedTarget)) {
        setOpen(false);
      }
    });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && select.classList.contains("lrp-select--open")) {
        setOpen(false);
        button.focus();
      }
    });
    // Safari does not focus a clicked button, so no focusout follows a click elsewhere.
    document.addEventListener("click", function (event) {
      if (!select.contains(event.target)) {
        setOpen(false);
      }
    });
  });
})();
