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

  // A button that prints the page (data-print): the print style sheet leaves out the navigation and the forms.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
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

  // A table wider than the screen scrolls in its wrapper; keyboard users must be able to reach and scroll it too
  // (WCAG 2.1.1), so a wrapper that scrolls becomes a focusable region named after its table's caption.
  function scrollableTables() {
    document.querySelectorAll(".liaison-table-wrapper").forEach(function (wrapper) {
      var scrolls = wrapper.scrollWidth > wrapper.clientWidth + 1;
      if (scrolls && !wrapper.hasAttribute("tabindex")) {
        var caption = wrapper.querySelector("caption");
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("role", "region");
        wrapper.setAttribute("aria-label", (caption ? caption.textContent.trim() : "Table") + " (scrolls sideways)");
        wrapper.setAttribute("data-made-scrollable", "");
      } else if (!scrolls && wrapper.hasAttribute("data-made-scrollable")) {
        ["tabindex", "role", "aria-label", "data-made-scrollable"].forEach(function (a) { wrapper.removeAttribute(a); });
      }
    });
  }
  scrollableTables();
  var resizing;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(scrollableTables, 150); });

  // Submit a filter form when a select changes, for keyboard and mouse alike (the button stays for no-JS use).
  document.querySelectorAll("[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
})();
