// Theme filter of the timeline page: each item lists its themes in a hidden span.
// Without JavaScript the buttons stay hidden and the whole timeline is shown.
document$.subscribe(function () {
  var filter = document.querySelector(".kb-theme-filter");
  var timeline = document.querySelector(".kb-timeline");
  if (!filter || !timeline) return;
  filter.hidden = false;
  var buttons = filter.querySelectorAll("button[data-theme]");
  function apply(theme) {
    buttons.forEach(function (button) {
      var on = button.dataset.theme === theme;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.classList.toggle("md-button--primary", on);
    });
    timeline.querySelectorAll("li").forEach(function (item) {
      var themes = (item.querySelector(".kb-themes") || {}).textContent || "";
      item.hidden = theme !== "" && themes.split(" ").indexOf(theme) < 0;
    });
    timeline.querySelectorAll("h2").forEach(function (heading) {
      var list = heading.nextElementSibling;
      var visible = list && list.querySelector("li:not([hidden])");
      heading.hidden = !visible;
      if (list) list.hidden = !visible;
    });
    var url = new URL(window.location.href);
    if (theme) url.searchParams.set("chu-de", theme); else url.searchParams.delete("chu-de");
    window.history.replaceState(null, "", url);
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () { apply(button.dataset.theme); });
  });
  apply(new URL(window.location.href).searchParams.get("chu-de") || "");
});
