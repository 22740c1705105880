// Small behaviours of the pages, kept out of the HTML: the Content-Security-Policy allows no inline scripts.
document.addEventListener("DOMContentLoaded", function () {
  // The language menu changes the language at once (the <noscript> button does it without JavaScript).
  document.querySelectorAll("[data-submit-on-change]").forEach(function (field) {
    field.addEventListener("change", function () { field.form.submit(); });
  });
  // "Select all" ticks every box its attribute names (the supervisor's list of entries to confirm).
  document.querySelectorAll("[data-select-all]").forEach(function (button) {
    button.addEventListener("click", function () {
      document.querySelectorAll(button.getAttribute("data-select-all")).forEach(function (box) { box.checked = true; });
    });
  });
  // A print button (the printed invitation letter).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
});
