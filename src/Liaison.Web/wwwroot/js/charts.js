// Draws each chart from the table that holds its figures, so the table stays the one source: screen readers read it,
// printing prints it, and without JavaScript it is all there is. A chart table looks like this:
//
//   <table data-chart="line|bar" [data-chart-percent]>
//     <thead><tr><th>Month</th><th data-series [data-target="0.9" data-target-label="Target 90%"]>Updated</th>...</tr></thead>
//     <tbody><tr><th scope="row">Jan 2026</th><td data-value="0.82">82%</td>...</tr></tbody>
//   </table>
//
// Only columns marked data-series are drawn; each cell's figure is its data-value. A data-target draws a dashed line.
// No inline script or style anywhere: the content security policy forbids both (Chart.js sizes its canvas through the
// DOM, which the policy allows).
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }

  // USWDS colours that keep 3:1 against white, each series also with its own point shape and dash, never colour alone.
  var colours = ["#005ea2", "#d54309", "#008817", "#8168b3", "#b50909", "#936f38", "#0d7ea2", "#c05600", "#4d8055", "#71767a",
    "#1a4480", "#8b0a03", "#2e6276", "#5c4809"];
  var shapes = ["circle", "triangle", "rect", "rectRot", "star", "crossRot", "rectRounded", "cross", "line", "dash"];
  var dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3], [], [6, 3], [2, 2], [8, 3, 2, 3], [], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [10, 2]];
  var charts = [];
  // The page's own typeface and text colour, not Chart.js's defaults.
  var body = window.getComputedStyle(document.body);
  window.Chart.defaults.font.family = body.fontFamily;
  window.Chart.defaults.color = "#1b1b1b";

  function number(text) {
    var value = parseFloat(text);
    return isNaN(value) ? null : value;
  }

  function draw(table) {
    var kind = table.getAttribute("data-chart") === "bar" ? "bar" : "line";
    var percent = table.hasAttribute("data-chart-percent");
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (rows.length === 0) { return; }
    var labels = rows.map(function (row) {
      var head = row.querySelector("th");
      return head ? (head.getAttribute("data-label") || head.textContent.trim()) : "";
    });
    var datasets = [];
    headers.forEach(function (header, column) {
      if (!header.hasAttribute("data-series")) { return; }
      var i = datasets.filter(function (d) { return !d.isTarget; }).length;
      var colour = colours[i % colours.length];
      datasets.push({
        label: header.getAttribute("data-series") || header.textContent.trim(),
        data: rows.map(function (row) {
          var cell = row.children[column];
          return cell ? number(cell.getAttribute("data-value")) : null;
        }),
        borderColor: colour,
        backgroundColor: colour,
        pointStyle: shapes[i % shapes.length],
        pointRadius: 4,
        borderDash: kind === "line" ? dashes[i % dashes.length] : undefined,
        borderWidth: 2,
        tension: 0
      });
      var target = number(header.getAttribute("data-target"));
      if (target !== null) {
        datasets.push({
          type: "line",
          isTarget: true,
          label: header.getAttribute("data-target-label") || "Target",
          data: rows.map(function () { return target; }),
          borderColor: colour,
          borderDash: [2, 4],
          borderWidth: 1.5,
          pointRadius: 0,
          fill: false
        });
      }
    });
    if (datasets.length === 0) { return; }

    var caption = table.querySelector("caption");
    var box = document.createElement("div");
    box.className = "liaison-chart";
    var canvas = document.createElement("canvas");
    // The table after the chart holds the same figures; the chart itself is a picture of them.
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", (caption ? caption.textContent.trim() + ". " : "") + "Chart; its figures are in the table that follows.");
    box.appendChild(canvas);
    var anchor = table.closest(".liaison-table-wrapper") || table;
    anchor.parentNode.insertBefore(box, anchor);

    charts.push(new window.Chart(canvas, {
      type: kind,
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          tooltip: {
            callbacks: percent ? {
              label: function (context) { return context.dataset.label + ": " + Math.round(context.parsed.y * 100) + "%"; }
            } : {}
          }
        },
        scales: {
          y: {
            beginAtZero: true,
            ticks: percent
              ? { callback: function (value) { return Math.round(value * 100) + "%"; } }
              : { precision: 0 }
          }
        }
      }
    }));
  }

  document.querySelectorAll("table[data-chart]").forEach(draw);

  // A printed page gets the chart at the paper's width, then the screen's again.
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(640, 280); }); });
  window.addEventListener("afterprint", function () { charts.forEach(function (c) { c.resize(); }); });
})();
