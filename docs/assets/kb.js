// Page behaviours besides search: the date a page is printed or cited on, and the filters of record
// lists (the timeline by theme, a theme's timeline by record type).
//
// Filters:
// A group of buttons (.kb-filter, data-param: the URL parameter that remembers the choice)
// filters the items of .kb-timeline, each listing its keys in a hidden span (.kb-keys).
// Years left empty are hidden with their entries in the table of contents, and a status
// line says how many records are shown. Without JavaScript the buttons stay hidden and the
// whole list is shown. A year chosen in a picture ("?nam=2020") narrows the list to that
// year, alone or with the buttons' choice.
(function () {
  "use strict";

  function start() {
    var timeline = document.querySelector(".kb-timeline");
    if (!timeline) return;
    var filter = document.querySelector(".kb-filter");
    var param = filter ? filter.dataset.param : "";
    var buttons = filter ? filter.querySelectorAll("button[data-key]") : [];
    if (filter) filter.hidden = false;
    var status = document.querySelector(".kb-filter-status");
    var items = timeline.querySelectorAll("li");
    var headings = timeline.querySelectorAll("h2, h3");
    // An item's year is that of the heading it is listed under (data-year is on the year
    // headings only: records known only by bounds are in no year).
    var yearOf = new Map();
    headings.forEach(function (heading) {
      var list = heading.nextElementSibling;
      if (!list) return;
      list.querySelectorAll("li").forEach(function (item) {
        yearOf.set(item, heading.dataset.year || "");
      });
    });
    var key = "";
    var year = new URL(window.location.href).searchParams.get("nam") || "";
    if (year && !timeline.querySelector('[data-year="' + CSS.escape(year) + '"]')) year = "";

    // The year chosen from a picture ("?nam=2020") is said above the list, with a way out.
    var yearLine = document.createElement("p");
    yearLine.className = "kb-year-filter";
    var yearText = document.createElement("span");
    var allYears = document.createElement("button");
    allYears.type = "button";
    allYears.className = "md-button";
    allYears.textContent = "Xem mọi năm";
    allYears.addEventListener("click", function () {
      year = "";
      apply(key);
    });
    yearLine.append(yearText, " ", allYears);
    timeline.parentNode.insertBefore(yearLine, timeline);

    function apply(chosen) {
      key = chosen;
      var label = "";
      buttons.forEach(function (button) {
        var on = button.dataset.key === key;
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.classList.toggle("md-button--primary", on);
        if (on && key) label = button.textContent.replace(/\s*\(\d+\)$/, "");
      });
      var shown = 0;
      items.forEach(function (item) {
        var keys = (item.querySelector(".kb-keys") || {}).textContent || "";
        item.hidden =
          (key !== "" && keys.split(" ").indexOf(key) < 0) || (year !== "" && yearOf.get(item) !== year);
        if (!item.hidden) shown += 1;
      });
      headings.forEach(function (heading) {
        var list = heading.nextElementSibling;
        var visible = !!(list && list.querySelector("li:not([hidden])"));
        heading.hidden = !visible;
        if (list) list.hidden = !visible;
        // The table of contents lists only the years that still have records.
        document.querySelectorAll('.md-nav--secondary a[href="#' + heading.id + '"]').forEach(function (entry) {
          entry.parentElement.hidden = !visible;
        });
      });
      yearLine.hidden = year === "";
      yearText.textContent = year ? "Đang xem năm " + year + "." : "";
      if (status) {
        var what = [label, year ? "năm " + year : ""].filter(Boolean).join(", ");
        status.textContent =
          what === ""
            ? "Tất cả " + items.length + " bản ghi theo thời gian."
            : shown + " bản ghi — " + what + " (trong tổng số " + items.length + ").";
      }
      var url = new URL(window.location.href);
      if (param && key) url.searchParams.set(param, key);
      else if (param) url.searchParams.delete(param);
      if (year) url.searchParams.set("nam", year);
      else url.searchParams.delete("nam");
      window.history.replaceState(null, "", url);
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        apply(button.dataset.key);
      });
    });
    apply((param && new URL(window.location.href).searchParams.get(param)) || "");
    // A link to a year lands on it once the other years are hidden.
    if (year && window.location.hash) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target && !target.hidden) target.scrollIntoView();
    }
  }

  // The printed footer and the "Trích dẫn" block say when the page was read, as a citation
  // needs, the way the styles print it in Vietnamese: 30/11/2026.
  function printedOn() {
    var today = new Date();
    var text = today.getDate() + "/" + (today.getMonth() + 1) + "/" + today.getFullYear();
    document.querySelectorAll("[data-kb-today]").forEach(function (node) {
      node.textContent = text;
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
