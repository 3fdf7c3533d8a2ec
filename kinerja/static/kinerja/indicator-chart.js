// Target line and actual line of one indicator over the plan years (ECharts, served locally).
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("indicator-chart");
  var source = document.getElementById("chart-data");
  if (!holder || !source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var toNumber = function (v) { return v === null ? null : Number(v); };
  var chart = echarts.init(holder);
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    legend: { data: ["Target", "Realisasi"] },
    xAxis: { type: "category", data: data.years },
    yAxis: { type: "value", name: data.unit },
    series: [
      { name: "Target", type: "line", data: data.target.map(toNumber), connectNulls: true },
      { name: "Realisasi", type: "line", data: data.actual.map(toNumber), connectNulls: false }
    ]
  });
  // the chart follows the size of its box (not only the window's): it opens, and stays, fitted to it
  if (window.ResizeObserver) {
    new ResizeObserver(function () { chart.resize(); }).observe(holder);
  } else {
    window.addEventListener("resize", function () { chart.resize(); });
  }
});
