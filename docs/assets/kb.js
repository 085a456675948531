// Page behaviours besides search: the date a page is printed or cited on, and the filters of record
// lists (the timeline by theme, a theme's timeline by record type).
//
// Filters:
// A group of buttons (.kb-filter, data-param: the URL parameter that remembers the choice)
// filters the items of .kb-timeline, each listing its keys in a hidden span (.kb-keys).
// Years left empty are hidden with their entries in the table of contents, and a status
// line says how many records are shown. Without JavaScript the buttons stay hidden and the
// whole list is shown.
(function () {
  "use strict";

  function start() {
    var filter = document.querySelector(".kb-filter");
    var timeline = document.querySelector(".kb-timeline");
    if (!filter || !timeline) return;
    filter.hidden = false;
    var param = filter.dataset.param;
    var buttons = filter.querySelectorAll("button[data-key]");
    var status = document.querySelector(".kb-filter-status");
    var items = timeline.querySelectorAll("li");

    function apply(key) {
      var label = "";
      buttons.forEach(function (button) {
        var on = button.dataset.key === key;
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.classList.toggle("md-button--primary", on);
        if (on) label = button.textContent.replace(/\s*\(\d+\)$/, "");
      });
      var shown = 0;
      items.forEach(function (item) {
        var keys = (item.querySelector(".kb-keys") || {}).textContent || "";
        item.hidden = key !== "" && keys.split(" ").indexOf(key) < 0;
        if (!item.hidden) shown += 1;
      });
      timeline.querySelectorAll("h2, h3").forEach(function (heading) {
        var list = heading.nextElementSibling;
        var visible = !!(list && list.querySelector("li:not([hidden])"));
        heading.hidden = !visible;
        if (list) list.hidden = !visible;
        // The table of contents lists only the years that still have records.
        document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"]').forEach(function (entry) {
          entry.parentElement.hidden = !visible;
        });
      });
      if (status) {
        status.textContent =
          key === ""
            ? "Tất cả " + items.length + " bản ghi theo thời gian."
            : shown + " bản ghi — " + label + " (trong tổng số " + items.length + ").";
      }
      var url = new URL(window.location.href);
      if (key) url.searchParams.set(param, key);
      else url.searchParams.delete(param);
      window.history.replaceState(null, "", url);
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        apply(button.dataset.key);
      });
    });
    apply(new URL(window.location.href).searchParams.get(param) || "");
  }

  // The printed footer and the "Trích dẫn" block say when the page was read, as a citation
  // needs: 30/11/2026, or with data-kb-today="en" November 30, 2026 (APA, Chicago).
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function printedOn() {
    var today = new Date();
    var text = today.getDate() + "/" + (today.getMonth() + 1) + "/" + today.getFullYear();
    var english = MONTHS[today.getMonth()] + " " + today.getDate() + ", " + today.getFullYear();
    document.querySelectorAll("[data-kb-today]").forEach(function (node) {
      node.textContent = node.getAttribute("data-kb-today") === "en" ? english : text;
    });
  }
  window.addEventListener("beforeprint", printedOn);

  function ready() {
    start();
    printedOn();
  }
  if (typeof document$ !== "undefined") document$.subscribe(ready);
  else document.addEventListener("DOMContentLoaded", ready);
})();
