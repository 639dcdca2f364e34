// Liaison's small behaviours. No inline script anywhere: the content security policy forbids it.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce the problems.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }

  // Ask before an action that cannot be undone in one click (data-confirm="Deactivate this agency?").
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    // An empty data-confirm asks nothing.
    if (message && !window.confirm(message)) { event.preventDefault(); return; }
    // A long-running submission (a large import) says that it is working, and cannot be sent twice.
    var progress = form.getAttribute("data-progress");
    var panel = document.querySelector(".liaison-progress");
    if (progress && panel) {
      panel.querySelector(".liaison-progress__text").textContent = progress;
      panel.hidden = false;
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }
  });

  // Copy a value (a new API token) to the clipboard.
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (target && navigator.clipboard) {
        navigator.clipboard.writeText(target.textContent.trim()).then(function () { button.textContent = "Copied"; });
      }
    });
  });

  // Submit a filter form when a select changes, for keyboard and mouse alike (the button stays for no-JS use).
  document.querySelectorAll("[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
})();
