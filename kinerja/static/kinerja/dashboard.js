// The agency dashboard and the regency view: bar charts, trend lines (ECharts, served locally) and sortable
// tables. Data come from json_script elements; nothing inline (Content-Security-Policy).
(function () {
  "use strict";
  var COLOURS = {
    "sangat-tinggi": "#1b7a3d", "tinggi": "#7cc48f", "sedang": "#f3d36b", "rendah": "#f0a35a",
    "sangat-rendah": "#c9372c", "none": "#b8c0cc"
  };
  var number = function (v) { return v === null || v === undefined || v === "" ? null : Number(v); };
  var data = function (id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };
  var charts = [];

  // A chart follows the size of its box (a figure in a grid, a box that appears later), not only the window's.
  function fitted(holder, chart) {
    charts.push(chart);
    if (window.ResizeObserver) {
      var last = holder.clientWidth;
      new ResizeObserver(function () {
        if (holder.clientWidth !== last) { last = holder.clientWidth; chart.resize(); }
      }).observe(holder);
    }
  }

  function bars(holder) {
    var source = data(holder.getAttribute("data-bars"));
    if (!source || typeof echarts === "undefined") { return; }
    if (source.labels.length > 8) { holder.style.height = Math.max(280, source.labels.length * 22 + 60) + "px"; }
    var chart = echarts.init(holder);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 40, top: 10, bottom: 24, containLabel: true },
      tooltip: { trigger: "item", formatter: function (p) {
        return p.name + ": " + (p.value === null ? "—" : p.value.toFixed(2).replace(".", ",") + " %"); } },
      xAxis: { type: "value", name: "%", min: 0, axisLabel: { hideOverlap: true } },
      // the names take at most 40 % of the chart: on a phone the bars keep room to be read
      yAxis: { type: "category", inverse: true, data: source.labels,
               axisLabel: { width: Math.min(260, Math.round(holder.clientWidth * 0.4)), overflow: "truncate" } },
      series: [{ type: "bar", data: source.values.map(function (v, i) {
        return { value: number(v), itemStyle: { color: COLOURS[source.categories[i]] || COLOURS.none } };
      }), label: { show: true, position: "right", formatter: function (p) {
        return p.value === null ? "—" : p.value.toFixed(1).replace(".", ","); } } }]
    });
    fitted(holder, chart);
  }

  function trend(holder) {
    var source = data(holder.getAttribute("data-trend"));
    if (!source || typeof echarts === "undefined") { return; }
    var chart = echarts.init(holder);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      legend: { data: ["Target", "Realisasi"], top: 0 },
      xAxis: { type: "category", data: source.years },
      yAxis: { type: "value", name: source.unit, nameTextStyle: { align: "left" } },
      series: [
        { name: "Target", type: "line", data: source.target.map(number), connectNulls: true,
          lineStyle: { type: "dashed" }, color: "#0b4f8a" },
        { name: "Realisasi", type: "line", data: source.actual.map(number), connectNulls: false, color: "#1b7a3d" }
      ]
    });
    fitted(holder, chart);
  }

  // <table class="sortable">: a header cell becomes a button that sorts the body by that column (cells may
  // carry data-value; data-sort="number" compares numbers, an empty value last).
  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-sort") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[index];
          if (!cell) { return null; }
          var text = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
          if (!numeric) { return text.toLowerCase(); }
          return text === "" ? null : Number(text);
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === y) { return 0; }
          if (x === null) { return 1; }
          if (y === null) { return -1; }
          return (x < y ? -1 : 1) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-bars]").forEach(bars);
    document.querySelectorAll("[data-trend]").forEach(trend);
    document.querySelectorAll("table.sortable").forEach(sortable);
    if (!window.ResizeObserver) {
      window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
    }
  });
}());
