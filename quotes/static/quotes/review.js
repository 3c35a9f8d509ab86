// Keyboard shortcuts of the review queue: a key clicks the element marked
// data-shortcut="key" (a accept, n next, x not a quotation), or focuses the one
// marked data-shortcut-focus="key" (/ speaker search). Keys typed into a field,
// or with a modifier, are left alone. Without JavaScript the same buttons and
// links work by mouse or Tab.
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  var target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  var key = event.key;
  var focus = document.querySelector('[data-shortcut-focus="' + CSS.escape(key) + '"]');
  if (focus) {
    event.preventDefault();
    focus.focus();
    return;
  }
  var element = document.querySelector('[data-shortcut="' + CSS.escape(key) + '"]');
  if (!element) return;
  event.preventDefault();
  if (element.form && element.form.requestSubmit) {
    element.form.requestSubmit(element);
  } else {
    element.click();
  }
});
