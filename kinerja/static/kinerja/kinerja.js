// Behaviour the templates ask for by data attributes, so that no page needs an inline script or event
// handler and the Content-Security-Policy can forbid both (kinerja.core.middleware).
//
// data-autosubmit on a <select>: choosing an option submits its form (the year, quarter, position and
// language pickers; each form keeps a <noscript> button for browsers without JavaScript).
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
  }
});

// The menu (base.html): open in the markup so that it works without script. On a narrow screen its "Menu" button
// (a real <button aria-expanded>, hidden until this script runs) folds and unfolds it; Escape folds it again and
// gives the button the focus. On a wide screen the button is hidden and the menu always open.
(function () {
  var button = document.querySelector(".menu-button");
  var header = button ? button.closest("header") : null;
  if (!button || !header || !window.matchMedia) { return; }
  var narrow = window.matchMedia("(max-width: 900px)");
  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-folded", !open);
  }
  function fit() { show(!narrow.matches); }
  button.hidden = false;
  fit();
  if (narrow.addEventListener) { narrow.addEventListener("change", fit); }
  button.addEventListener("click", function () { show(button.getAttribute("aria-expanded") !== "true"); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
      show(false);
      button.focus();
    }
  });
}());

// data-confirm-form (the verification page): the form sends only once its confirmation box is ticked ("I have
// checked the target, the achievement and the evidence"); otherwise its hidden message shows and the box takes
// the focus. The server asks the same without JavaScript (workflow_views.decide).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm-form")) { return; }
  var box = form.querySelector("input[type=checkbox][name=confirm]");
  var message = form.querySelector(".confirm-needed");
  if (box && !box.checked) {
    event.preventDefault();
    if (message) { message.hidden = false; }
    box.focus();
  } else if (message) {
    message.hidden = true;
  }
});

// data-entry-form (the entry page): once a figure of a row is typed and not yet saved, the row's "Send for
// verification" waits (it would send the saved figure, not the typed one) and says why; the saved row that
// the server sends back brings the button again.
document.addEventListener("input", function (event) {
  var form = event.target.closest ? event.target.closest("form[data-entry-form]") : null;
  var row = form ? form.closest(".entry-row") : null;
  if (!row) { return; }
  row.querySelectorAll(".submit-form button[type=submit]").forEach(function (button) { button.disabled = true; });
  row.querySelectorAll(".unsaved-hint").forEach(function (hint) { hint.hidden = false; });
});

// After an htmx save the row is replaced: the focus goes back to it (not to <body>), so a keyboard user goes on
// from the row they saved.
document.addEventListener("htmx:afterSettle", function (event) {
  var row = event.target;
  if (row instanceof HTMLElement && row.classList.contains("entry-row") && row.isConnected) {
    row.focus({ preventScroll: true });
  }
});
