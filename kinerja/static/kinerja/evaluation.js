// The SAKIP worksheet (templates/evaluation/evaluation.html): its components are <details>, folded but for
// the one being worked on. A link marked data-open-details (the component picker, "AA … E?" next to each
// answer) and an address ending in #k-<criterion> or #komponen-<code> unfold the <details> holding their
// target before the browser scrolls to it. No inline script: the Content-Security-Policy forbids it.
(function () {
  function reveal(id) {
    var target = id && document.getElementById(id);
    if (!target) { return null; }
    for (var node = target; node; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) { node.open = true; }
    }
    return target;
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[data-open-details]");
    if (!link) { return; }
    var target = reveal(decodeURIComponent(link.hash.slice(1)));
    if (target) {
      event.preventDefault();
      target.scrollIntoView({block: "start"});
      if (history.replaceState) { history.replaceState(null, "", link.hash); }
    }
  });
  function fromAddress() {
    var target = reveal(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.scrollIntoView({block: "start"}); }
  }
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
}());
