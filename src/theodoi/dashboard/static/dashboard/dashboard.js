/* Dashboard charts (Chart.js from our own static files). Clicking a part opens its tasks. */
(function () {
  "use strict";
  function draw() {
    var el = document.getElementById("du-lieu-bieu-do");
    if (!el || typeof Chart === "undefined") return;
    var data = JSON.parse(el.textContent);
    var colours = {ok: "#1f7a3a", warn: "#b26a00", bad: "#b3261e", info: "#1b5fa8", "": "#8a96a3"};
    var status = document.getElementById("bieu-do-trang-thai");
    if (status && data.status.length) {
      new Chart(status, {
        type: "doughnut",
        data: {
          labels: data.status.map(function (s) { return s.label; }),
          datasets: [{data: data.status.map(function (s) { return s.count; }),
                      backgroundColor: data.status.map(function (s, i) {
                        return s.css ? colours[s.css] : ["#8a96a3", "#c3ccd6", "#5b6775"][i % 3]; })}]
        },
        options: {
          plugins: {legend: {position: "right"}},
          onClick: function (_e, items) {
            if (items.length) window.location.href = "nhiem-vu/" + data.status[items[0].index].url;
          }
        }
      });
    }
    var trend = document.getElementById("bieu-do-xu-huong");
    if (trend && data.trend.length) {
      new Chart(trend, {
        type: "line",
        data: {
          labels: data.trend.map(function (p) { return p.label; }),
          datasets: [
            {label: "Nhiệm vụ đã hoàn thành (lũy kế)", data: data.trend.map(function (p) { return p.done; }),
             borderColor: colours.ok, backgroundColor: colours.ok, yAxisID: "y"},
            {label: "Chậm tiến độ", data: data.trend.map(function (p) { return p.overdue; }),
             borderColor: colours.bad, backgroundColor: colours.bad, yAxisID: "y"},
            {label: "Báo cáo đúng hạn (%)", data: data.trend.map(function (p) { return p.on_time; }),
             borderColor: colours.info, backgroundColor: colours.info, borderDash: [5, 4], yAxisID: "y1"}
          ]
        },
        options: {
          scales: {y: {beginAtZero: true, position: "left"},
                   y1: {beginAtZero: true, max: 100, position: "right", grid: {drawOnChartArea: false}}},
          plugins: {legend: {position: "bottom"}}
        }
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
