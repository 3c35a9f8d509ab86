// Speaker suggestions as the reader types: fills the box's <datalist> with
// <option>s the server renders (and escapes). Without JavaScript the box is a
// plain text field and the search still works.
document.querySelectorAll("input[list][data-suggest-url]").forEach(function (input) {
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var typed = input.value.trim();
      if (typed.length < 2 || typed === asked) return;
      asked = typed;
      fetch(input.dataset.suggestUrl + "?speaker=" + encodeURIComponent(typed))
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { if (html) list.innerHTML = html; });
    }, 150);
  });
});
