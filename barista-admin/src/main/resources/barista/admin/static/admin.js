// Barista admin: the only script the pages run (the CSP allows no inline script).
// - the browser's time zone goes in the barista_tz cookie, so pages show and read times in it
//   (AdminTime); it is set on the sign-in page, so the pages after it already use it;
// - buttons with data-confirm ask before their form posts;
// - on the dashboard, #chart polls /admin/stats.json every 2 s: a uPlot chart of requests/s per
//   model, and the live table's cells (rows data-model, cells data-field).
(function () {
  "use strict";

  (function rememberTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    var current = document.cookie.split("; ").filter(function (c) { return c.indexOf("barista_tz=") === 0; })[0];
    if (zone && /^[A-Za-z][A-Za-z0-9_+\-\/]{0,63}$/.test(zone) && current !== "barista_tz=" + zone) {
      document.cookie = "barista_tz=" + zone + "; path=/admin; max-age=31536000; SameSite=Lax"
        + (location.protocol === "https:" ? "; Secure" : "");
    }
  })();

  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    var question = button && button.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  });

  var COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

  function startChart(box) {
    var src = box.getAttribute("data-src");
    var plot = null;
    var names = "";

    function size() {
      return { width: Math.max(200, box.clientWidth), height: 260 };
    }

    function build(stats) {
      var series = [{}];
      stats.models.forEach(function (m, i) {
        series.push({ label: m.name + " req/s", stroke: COLORS[i % COLORS.length], width: 2 });
      });
      if (plot) {
        plot.destroy();
      }
      var s = size();
      plot = new uPlot({
        width: s.width,
        height: s.height,
        series: series,
        axes: [{}, { label: "req/s" }],
        scales: { y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } }
      }, data(stats), box);
    }

    function data(stats) {
      var rows = [stats.t];
      stats.models.forEach(function (m) { rows.push(m.rate); });
      return rows;
    }

    function updateTable(stats) {
      stats.models.forEach(function (m) {
        var row = document.querySelector('#live tr[data-model="' + CSS.escape(m.name) + '"]');
        if (!row) {
          return;
        }
        ["requestsPerSecond", "p50Millis", "p99Millis", "requests"].forEach(function (field) {
          var cell = row.querySelector('[data-field="' + field + '"]');
          var v = m[field];
          if (cell) {
            cell.textContent = v === null || v === undefined ? "\u2013" : String(v);
          }
        });
        var serving = row.querySelector('[data-field="serving"]');
        if (serving) {
          serving.textContent = m.serving ? "v" + m.serving : "none";
        }
      });
    }

    function poll() {
      fetch(src, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (stats) {
          if (!stats) {
            return;
          }
          var key = stats.models.map(function (m) { return m.name; }).join(",");
          if (!plot || key !== names) {
            names = key;
            build(stats);
          } else {
            plot.setData(data(stats));
          }
          box.setAttribute("data-ready", "true");
          updateTable(stats);
        })
        .catch(function () { /* the next poll tries again */ });
    }

    window.addEventListener("resize", function () {
      if (plot) {
        plot.setSize(size());
      }
    });
    poll();
    setInterval(poll, 2000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("chart");
    if (box && window.uPlot) {
      startChart(box);
    }
  });
})();
