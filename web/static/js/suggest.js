// Speaker suggestions as the reader types: a list under the box (a combobox with a
// listbox, keyboard and pointer) filled with <li role="option">s the server renders
// (and escapes), misspellings included, so it is not a <datalist>, which would hide
// every option that does not contain what was typed. Without JavaScript the box is a
// plain text field and the search still works (a misspelt name is corrected there).
document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var timer = null;
  var asked = "";
  var active = -1;

  function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function highlight(index) {
    var all = options();
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", all[index].id);
  }
  function choose(option) {
    input.value = option.dataset.value;
    asked = input.value;
    close();
    input.focus();
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var typed = input.value.trim();
      if (typed.length < 2) { close(); return; }
      if (typed === asked) return;
      asked = typed;
      fetch(input.dataset.suggestUrl + "?speaker=" + encodeURIComponent(typed))
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          if (input.value.trim() !== typed) return;
          list.innerHTML = html;
          if (options().length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            highlight(-1);
          } else {
            close();
          }
        });
    }, 150);
  });
  input.addEventListener("keydown", function (event) {
    var all = options();
    if (list.hidden || !all.length) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % all.length); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? all.length - 1 : active - 1); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(all[active]); }
    else if (event.key === "Escape") { close(); }
  });
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var option = event.target.closest("[role=option]");
    if (option) choose(option);
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
});
