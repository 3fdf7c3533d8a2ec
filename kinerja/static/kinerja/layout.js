// A wide table scrolls inside its own box (.scroll) instead of widening the page. While a box is narrower than its
// table, a keyboard must be able to scroll it: the box takes the focus (tabindex 0) and is a region named by the
// table's caption or the heading before it. A box that fits is no tab stop. Checked again when the window resizes.
(function () {
  function nameOf(box) {
    var caption = box.querySelector("caption");
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    for (var up = box; up && up !== document.body; up = up.parentElement) {
      for (var before = up.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) { return before.textContent.trim(); }
        var heading = before.querySelector && before.querySelector("h1, h2, h3, h4, h5, h6");
        if (heading) { return heading.textContent.trim(); }
      }
    }
    return "";
  }
  function fit() {
    document.querySelectorAll(".scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("data-scroll-focus", "");
          var name = nameOf(box);
          if (name) { box.setAttribute("role", "region"); box.setAttribute("aria-label", name); }
        }
      } else if (box.hasAttribute("data-scroll-focus")) {
        ["tabindex", "data-scroll-focus", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }
  fit();
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(fit, 150);
  });
  document.addEventListener("htmx:afterSettle", fit);
}());
