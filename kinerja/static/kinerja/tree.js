// The performance tree (pohon kinerja), drawn by ECharts from our own static files. Data come from the
// json_script "tree-data"; nothing inline (Content-Security-Policy).
//
// - click a node's name to open its page (indicator, IKI page, plan); click its circle to fold or unfold it;
//   a leaf (an indicator) opens its page wherever it is clicked;
// - search a name: the matching nodes are unfolded into view and outlined; the first match's position on the
//   chart is written to the chart's data-found-x / data-found-y (pixels from its top-left corner);
// - export PNG (canvas) and SVG (an off-screen chart with the SVG renderer); print on A3 landscape.
(function () {
  "use strict";
  var COLOURS = {
    "sangat-tinggi": "#1b7a3d", "tinggi": "#7cc48f", "sedang": "#f3d36b", "rendah": "#f0a35a",
    "sangat-rendah": "#c9372c", "none": "#ffffff"
  };
  var ROW = 30;  // pixels per visible leaf (more when a name needs several lines: see rowHeight())
  var LINE = 14;  // pixels per line of a name
  var CHAR = 6.6;  // pixels per character of a name, at least (11 px sans-serif), to count its lines
  var COLUMN = 300;  // pixels per level of the tree (fewer on a narrow screen: see fit())
  var LEAF_LABEL = 420;  // pixels for an indicator's name (idem)
  var MARGIN = 60;  // left and right of the drawing

  document.addEventListener("DOMContentLoaded", function () {
    var holder = document.getElementById("performance-tree");
    var source = document.getElementById("tree-data");
    if (!holder || !source || typeof echarts === "undefined") { return; }
    var root = JSON.parse(source.textContent);
    var status = document.getElementById("tree-status");
    var search = document.getElementById("tree-search");
    var names = document.getElementById("tree-names");
    var total = 0;
    var nodes = [];  // every node, with its parent

    (function prepare(node, parent, depth) {
      node.uid = total;
      total += 1;
      node.parent = parent;
      node.depth = depth;
      nodes.push(node);
      (node.children || []).forEach(function (child) { prepare(child, node, depth + 1); });
    }(root, null, 0));
    var box = holder.parentNode;  // the scrolling box the chart sits in

    // Column and label widths for the width of the box, and the deepest level that fits in it (a branch opened
    // further scrolls inside the box, never the page).
    function fit() {
      var width = Math.max(280, box.clientWidth);
      LEAF_LABEL = Math.min(420, Math.max(140, Math.round(width * 0.4)));
      COLUMN = Math.min(300, Math.max(110, Math.round(width * 0.3)));
      return Math.max(1, Math.floor((width - LEAF_LABEL - MARGIN) / COLUMN));
    }
    // the tree opens folded: the agency and its first level (its goals), fitted to its box on any screen
    fit();
    var FOLD_DEPTH = 1;
    nodes.forEach(function (node) { node.collapsed = !!(node.children && node.depth >= FOLD_DEPTH); });
    if (names) {
      var seen = {};
      nodes.forEach(function (node) {
        if (seen[node.name]) { return; }
        seen[node.name] = true;
        var option = document.createElement("option");
        option.value = node.name;
        names.appendChild(option);
      });
    }

    // "1234.50" (the page's data) as kinerja.core.numbers writes a percentage: "1.234,50 %"
    function percent(value) {
      var parts = value.split(".");
      return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (parts[1] ? "," + parts[1] : "") + " %";
    }

    function label(node) {
      return (node.value === null ? "—" : percent(node.value)) + " · " + node.name;
    }

    // The data ECharts draws: a copy without parent links, coloured, folded as chosen, matches outlined.
    function series(node) {
      var item = {
        uid: node.uid, name: label(node), value: node.value, url: node.url, code: node.code || "", kind: node.kind,
        collapsed: node.collapsed,
        itemStyle: { color: COLOURS[node.category] || COLOURS.none,
                     borderColor: node.found ? "#0b4f8a" : "#5f6b7a", borderWidth: node.found ? 4 : 1 },
        label: node.found ? { fontWeight: "bold", backgroundColor: "#fff4d6" } : undefined
      };
      item.label = Object.assign({ width: labelWidth(node) }, item.label || {});
      if (node.children && !node.collapsed) {  // an open branch: its name under the line that leaves it (its
        // indicators, drawn first, lie above it)
        item.label = Object.assign({ position: [10, 9], align: "left", verticalAlign: "top" }, item.label || {});
      }
      if (node.children) { item.children = node.children.map(series); }
      return item;
    }

    // The width a node's name may take: the column to its right, or for the last column the leaves' room.
    function labelWidth(node) {
      return (!node.children || node.collapsed) && node.depth >= deepest ? LEAF_LABEL - 10 : drawn - 30;
    }

    // The height of a leaf's row: names are wrapped, never cut off, so the longest visible name sets it.
    function rowHeight() {
      var lines = 1;
      (function visit(node) {
        var chars = label(node).length;
        lines = Math.max(lines, Math.ceil(chars * CHAR / labelWidth(node)));
        if (node.children && !node.collapsed) { node.children.forEach(visit); }
      }(root));
      return Math.max(ROW, lines * LINE + 16);
    }

    function visibleLeaves(node) {
      if (!node.children || node.collapsed) { return 1; }
      return node.children.reduce(function (sum, child) { return sum + visibleLeaves(child); }, 0);
    }

    function option(animation) {
      return {
        animation: animation,
        tooltip: { trigger: "item", triggerOn: "mousemove", confine: true,
                   formatter: function (p) { return echarts.format.encodeHTML(p.name) +
                     (p.data.code ? "<br>" + echarts.format.encodeHTML(p.data.code) : ""); } },
        series: [{
          type: "tree", data: [series(root)], orient: "LR", layout: "orthogonal",
          top: 30, bottom: 20, left: 20, right: LEAF_LABEL + 20, roam: false, expandAndCollapse: false,
          symbol: "circle", symbolSize: 14, initialTreeDepth: -1,
          label: { position: "right", verticalAlign: "middle", fontSize: 11, lineHeight: LINE, overflow: "break",
                   color: "#1d2733" },
          leaves: { label: { position: "right", verticalAlign: "middle", align: "left", overflow: "break" } },
          lineStyle: { color: "#9aa7b5", width: 1, curveness: 0.4 }
        }]
      };
    }

    var chart = echarts.init(holder);

    var deepest = 0;  // the deepest level drawn
    var drawn = COLUMN;  // the width of a level as drawn: wider than COLUMN when few levels are open
    function draw() {
      var depth = 0;
      (function measure(node, d) {
        if (d > depth) { depth = d; }
        if (node.children && !node.collapsed) { node.children.forEach(function (c) { measure(c, d + 1); }); }
      }(root, 0));
      deepest = depth;
      drawn = depth ? Math.max(COLUMN, Math.min(Math.round(COLUMN * 1.5),
                                                Math.floor((box.clientWidth - LEAF_LABEL - MARGIN) / depth))) : COLUMN;
      holder.style.height = Math.max(320, visibleLeaves(root) * rowHeight() + 40) + "px";
      holder.style.minWidth = (depth * drawn + LEAF_LABEL + MARGIN) + "px";  // wider than its box: it scrolls
      chart.resize();
      chart.setOption(option(false), { replaceMerge: ["series"] });
    }

    // Pixel position (from the chart's top-left corner) of the first visible node with `code` or `name`.
    function locate(node) {
      var seriesModel = chart.getModel().getSeriesByIndex(0);
      var data = seriesModel.getData();
      var tree = data.tree;
      var found = null;
      tree.root.eachNode(function (treeNode) {
        if (found) { return; }
        var raw = treeNode.getModel().option;
        if (raw && raw.uid === node.uid) {
          var el = data.getItemGraphicEl(treeNode.dataIndex);
          if (el) {  // where the node is drawn now (the transform is otherwise updated at the next frame)
            var m = el.getComputedTransform();
            found = m ? [m[4], m[5]] : [el.x, el.y];
          }
        }
      });
      return found;
    }

    var lastQuery = "";
    function find(text) {
      var query = (text || "").trim().toLowerCase();
      // Enter, then the "change" of the field when it loses focus (a click on the chart): search once, or the
      // redraw would swallow that click
      if (query === lastQuery) { return; }
      lastQuery = query;
      var matches = [];
      nodes.forEach(function (node) {
        node.found = !!query && (node.name.toLowerCase().indexOf(query) >= 0 ||
                                 (node.code || "").toLowerCase() === query);
        if (node.found) {
          matches.push(node);
          for (var up = node.parent; up; up = up.parent) { up.collapsed = false; }
        }
      });
      draw();
      holder.removeAttribute("data-found-x");
      holder.removeAttribute("data-found-y");
      if (matches.length) {
        var point = locate(matches[0]);
        if (point) {
          holder.setAttribute("data-found-x", Math.round(point[0]));
          holder.setAttribute("data-found-y", Math.round(point[1]));
          window.scrollTo({ top: holder.getBoundingClientRect().top + window.scrollY + point[1] - 200 });
        }
      }
      if (status) {
        status.textContent = query ? matches.length + " × " + (matches.length ? "✔" : "—") : "";
      }
    }

    chart.on("click", function (params) {
      var target = params.event && params.event.target;
      var onLabel = target && (target.type === "text" || target.type === "tspan");
      var node = params.data ? nodes[params.data.uid] : null;
      if (!node) { return; }
      if (node.children && !onLabel) {
        node.collapsed = !node.collapsed;
        draw();
        return;
      }
      if (node.url) { window.location.assign(node.url); }
    });

    function download(href, name) {
      var link = document.createElement("a");
      link.href = href;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
    }

    var actions = {
      expand: function () { nodes.forEach(function (n) { n.collapsed = false; }); draw(); },
      collapse: function () {
        nodes.forEach(function (n) { n.collapsed = !!(n.children && n.depth >= FOLD_DEPTH); });
        draw();
      },
      png: function () {
        download(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }), "pohon-kinerja.png");
      },
      svg: function () {
        var off = document.createElement("div");
        off.className = "offscreen";
        off.style.width = holder.clientWidth + "px";
        off.style.height = holder.clientHeight + "px";
        document.body.appendChild(off);
        var svgChart = echarts.init(off, null, { renderer: "svg", width: holder.clientWidth,
                                                 height: holder.clientHeight });
        svgChart.setOption(option(false));
        var text = svgChart.renderToSVGString();
        svgChart.dispose();
        off.remove();
        var url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
        download(url, "pohon-kinerja.svg");
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      },
      print: function () { window.print(); }
    };
    document.querySelectorAll("[data-tree]").forEach(function (button) {
      button.addEventListener("click", function () { actions[button.getAttribute("data-tree")](); });
    });
    if (search) {
      search.addEventListener("change", function () { find(search.value); });
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); find(search.value); }
      });
    }
    var resized = null;
    window.addEventListener("resize", function () {
      clearTimeout(resized);
      resized = setTimeout(function () { fit(); draw(); }, 150);
    });
    draw();
    holder.setAttribute("data-ready", "1");
  });
}());
