// Copy button for the republish snippet. The button is a real <button>, so Enter and Space
// work; it stays hidden without JavaScript, where the textarea and the download remain.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".lrp-republish__copy"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentNode.querySelector(".lrp-republish__status");
    if (!source) {
      return;
    }
    button.hidden = false;
    // Without the Clipboard API the text is copied as a selection, which a folded (closed
    // <details>) textarea cannot hold: it is unfolded first, and shows what was copied.
    var copySelection = function () {
      var folded = source.closest("details");
      if (folded) {
        folded.open = true;
      }
      source.select();
      document.execCommand("copy");
    };
    button.addEventListener("click", function () {
      var done = function () {
        status.textContent = button.getAttribute("data-copied");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, function () {
          copySelection();
          done();
        });
      } else {
        copySelection();
        done();
      }
    });
  });
})();
