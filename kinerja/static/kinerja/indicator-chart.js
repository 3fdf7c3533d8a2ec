// Target line and actual line of one indicator over the plan years (ECharts, served locally).
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("indicator-chart");
  var source = document.getElementById("chart-data");
  if (!holder || !source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var toNumber = function (v) { return v === null ? null : Number(v); };
  var chart = echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: ["Target", "Realisasi"] },
    xAxis: { type: "category", data: data.years },
    yAxis: { type: "value", name: data.unit },
    series: [
      { name: "Target", type: "line", data: data.target.map(toNumber), connectNulls: true },
      { name: "Realisasi", type: "line", data: data.actual.map(toNumber), connectNulls: false }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});
