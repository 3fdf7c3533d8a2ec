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
