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
    button.addEventListener("click", function () {
      var done = function () {
        status.textContent = button.getAttribute("data-copied");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, function () {
          source.select();
          document.execCommand("copy");
          done();
        });
      } else {
        source.select();
        document.execCommand("copy");
        done();
      }
    });
  });
})();
