// Behaviour the templates ask for by data attributes, so that no page needs an inline script or event
// handler and the Content-Security-Policy can forbid both (kinerja.core.middleware).
//
// data-autosubmit on a <select> (the year, quarter, position and language pickers): the page changes only on an
// explicit choice, never on the first arrow key. A choice made with the pointer (an option clicked in the open
// list) submits the form at once; a choice made with the keyboard (arrow keys change a closed select's value,
// and fire "change", at every step) waits until the person leaves the control (Tab), or presses Enter, or the
// form's button ("Tampilkan"). A checkbox with data-autosubmit submits when it is ticked (a click or Space).
(function () {
  function send(form) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
  function picker(field) {
    return field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form;
  }
  var byKeyboard = new WeakSet();  // selects whose value the keyboard changed and that wait to be left
  var lastKey = null;  // the select a key went down on, until the "change" that key causes
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (!picker(field)) { return; }
    if (event.key === "Enter" && byKeyboard.has(field)) {
      event.preventDefault();
      byKeyboard.delete(field);
      send(field.form);
      return;
    }
    lastKey = field;
  }, true);
  document.addEventListener("pointerdown", function () { lastKey = null; }, true);
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field instanceof HTMLInputElement && field.type === "checkbox" && field.hasAttribute("data-autosubmit")
        && field.form) {
      send(field.form);
      return;
    }
    if (!picker(field)) { return; }
    if (lastKey === field) {
      byKeyboard.add(field);  // wait for Tab, Enter or the button
      return;
    }
    send(field.form);
  });
  document.addEventListener("focusout", function (event) {
    var field = event.target;
    if (picker(field) && byKeyboard.has(field)) {
      byKeyboard.delete(field);
      send(field.form);
    }
  });
}());

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

// data-print on a download link (the documents page): printing takes seconds, so the click fetches the file
// while the page's [data-print-status] says "Sedang menyiapkan dokumen…" (its words come from the template),
// then hands the file to the browser under the server's name. A failed print says so in the same place. Without
// JavaScript the link downloads as before, only without the message.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a[data-print]") : null;
  var status = document.querySelector("[data-print-status]");
  if (!link || !status || !window.fetch || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  if (link.getAttribute("aria-busy") === "true") { return; }
  var text = status.querySelector(".print-status-text");
  text.textContent = status.getAttribute("data-preparing") + " " + (link.getAttribute("data-print") || "");
  status.classList.remove("print-failed");
  status.hidden = false;
  link.setAttribute("aria-busy", "true");
  fetch(link.href, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) { throw new Error(String(response.status)); }
    var header = response.headers.get("Content-Disposition") || "";
    var match = /filename="([^"]+)"/.exec(header);
    return response.blob().then(function (blob) {
      var url = URL.createObjectURL(blob);
      var save = document.createElement("a");
      save.href = url;
      save.download = match ? match[1] : "";
      document.body.appendChild(save);
      save.click();
      save.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      status.hidden = true;
    });
  }).catch(function () {
    text.textContent = status.getAttribute("data-failed");
    status.classList.add("print-failed");
  }).finally(function () {
    link.removeAttribute("aria-busy");
  });
});
