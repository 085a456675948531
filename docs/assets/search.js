// Site search on Pagefind: the box in the header of every page and the search page.
//
// Pagefind folds tones and marks (so "gin giu" finds "gìn giữ") but not "đ", which has no
// Unicode decomposition. In Vietnamese "đ" only begins a syllable, so each syllable of the
// query that begins with "d" is also tried with "đ", and the result sets are merged.
// The best results are then re-ranked by their title: the query as a phrase, then all its
// words, compared without any diacritics; then the same with diacritics as typed (so exact
// matches come first); then Pagefind's own score, which prefers exact diacritics in text.
(function () {
  "use strict";

  var FILTERS = [
    ["type", "Loại"],
    ["theme", "Chủ đề"],
    ["year", "Năm"],
    ["entity", "Quốc gia, tổ chức"],
    ["source", "Nguồn"],
  ];
  var RERANK = 20; // results whose data is loaded for re-ranking and display
  var PAGE = 20;
  var MAX_VARIANT_SYLLABLES = 3;

  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var pagefindPromise = null;

  function pagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () {
          return pf;
        });
      });
    }
    return pagefindPromise;
  }

  // ------------------------------------------------------------------ query handling

  function fold(text) {
    return text
      .normalize("NFC")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  function words(query) {
    return query
      .normalize("NFC")
      .split(/\s+/)
      .filter(function (word) {
        return word.length > 0;
      });
  }

  // The query as typed, plus its variants with "đ" for syllables typed with "d".
  function variants(query) {
    var parts = words(query);
    var positions = [];
    parts.forEach(function (word, index) {
      if (/^[dD]/.test(word)) positions.push(index);
    });
    if (positions.length === 0) return [parts.join(" ")];
    var combos = [];
    if (positions.length > MAX_VARIANT_SYLLABLES) {
      combos = [0, (1 << positions.length) - 1];
    } else {
      for (var mask = 0; mask < 1 << positions.length; mask++) combos.push(mask);
    }
    return combos.map(function (mask) {
      var copy = parts.slice();
      positions.forEach(function (position, bit) {
        if (mask & (1 << bit)) {
          var word = copy[position];
          copy[position] = (word[0] === "D" ? "Đ" : "đ") + word.slice(1);
        }
      });
      return copy.join(" ");
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function wholeWord(text) {
    return new RegExp("(^|[^\\p{L}\\p{N}])" + escapeRegExp(text) + "(?=$|[^\\p{L}\\p{N}])", "u");
  }

  // How well `title` matches the query once both pass through `transform`: the query as
  // one phrase (1 or 0), then the share of its words found as whole words.
  function titleMatch(query, title, transform) {
    var haystack = transform(title);
    var terms = words(transform(query));
    if (terms.length === 0) return [0, 0];
    var found = terms.filter(function (term) {
      return wholeWord(term).test(haystack);
    });
    return [wholeWord(terms.join(" ")).test(haystack) ? 1 : 0, found.length / terms.length];
  }

  function lower(text) {
    return text.normalize("NFC").toLowerCase();
  }

  function search(query, filters) {
    var options = { filters: filters || {} };
    return pagefind().then(function (pf) {
      return Promise.all(
        variants(query).map(function (variant) {
          return pf.search(variant, options);
        })
      ).then(function (searches) {
        var best = {};
        searches.forEach(function (found) {
          if (!found) return;
          found.results.forEach(function (result) {
            if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
          });
        });
        var merged = Object.keys(best)
          .map(function (id) {
            return best[id];
          })
          .sort(function (a, b) {
            return b.score - a.score;
          });
        var head = merged.slice(0, RERANK);
        return Promise.all(
          head.map(function (result) {
            return result.data().then(function (data) {
              var title = (data.meta && data.meta.title) || "";
              return {
                result: result,
                data: data,
                rank: titleMatch(query, title, fold).concat(titleMatch(query, title, lower), [result.score]),
              };
            });
          })
        ).then(function (loaded) {
          loaded.sort(function (a, b) {
            for (var i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return b.rank[i] - a.rank[i];
            return 0;
          });
          return { total: merged.length, top: loaded, rest: merged.slice(RERANK) };
        });
      });
    });
  }

  // ----------------------------------------------------------------- result display

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(data) {
    var item = element("li", "kb-result");
    var link = element("a", "kb-result__link");
    link.href = data.url;
    link.appendChild(element("span", "kb-result__title", (data.meta && data.meta.title) || data.url));
    var meta = [data.meta && data.meta.type, data.meta && data.meta.date].filter(Boolean).join(" · ");
    if (meta) link.appendChild(element("span", "kb-result__meta", meta));
    var excerpt = element("span", "kb-result__excerpt");
    // Pagefind encodes the excerpt's HTML entities before adding <mark>: safe as HTML.
    excerpt.innerHTML = data.excerpt;
    link.appendChild(excerpt);
    item.appendChild(link);
    return item;
  }

  function noResults(query) {
    return "Không tìm thấy kết quả nào cho “" + query + "”. Hãy thử từ khác hoặc bỏ bớt bộ lọc.";
  }

  // ---------------------------------------------------------------- header search box

  function headerSearch() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".kb-search")) return;
    var box = element("div", "kb-search");
    box.setAttribute("role", "search");
    var form = element("form", "kb-search__form");
    form.action = new URL("tim-kiem/", root).href;
    var input = element("input", "kb-search__input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "Tìm kiếm";
    input.autocomplete = "off";
    input.setAttribute("aria-label", "Tìm kiếm");
    input.setAttribute("aria-controls", "kb-search-results");
    form.appendChild(input);
    var panel = element("div", "kb-search__panel");
    panel.hidden = true;
    var status = element("p", "kb-search__status");
    status.setAttribute("aria-live", "polite");
    var list = element("ol", "kb-search__results");
    list.id = "kb-search-results";
    var all = element("a", "kb-search__all", "Tất cả kết quả và bộ lọc →");
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(all);
    box.appendChild(form);
    box.appendChild(panel);
    var before = inner.querySelector(".md-header__source");
    inner.insertBefore(box, before);

    var active = -1;
    var latest = 0;

    function items() {
      return list.querySelectorAll(".kb-result");
    }

    function setActive(index) {
      var all = items();
      if (all.length === 0) return;
      active = (index + all.length) % all.length;
      all.forEach(function (item, i) {
        item.classList.toggle("kb-result--active", i === active);
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      all[active].scrollIntoView({ block: "nearest" });
    }

    function close() {
      panel.hidden = true;
      active = -1;
    }

    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      all.href = new URL("tim-kiem/?q=" + encodeURIComponent(query), root).href;
      if (!query) {
        close();
        return;
      }
      pagefind().then(function (pf) {
        pf.preload(query);
      });
      search(query).then(function (found) {
        if (ticket !== latest) return;
        list.replaceChildren();
        active = -1;
        found.top.slice(0, 8).forEach(function (entry) {
          list.appendChild(resultItem(entry.data));
        });
        status.textContent = found.total ? found.total + " kết quả" : noResults(query);
        panel.hidden = false;
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    input.addEventListener("focus", function () {
      pagefind();
      if (input.value.trim() && list.children.length) panel.hidden = false;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = items()[active].querySelector("a").href;
      } else if (event.key === "Escape") {
        event.preventDefault(); // a search input would clear itself; keep the query
        close();
        input.blur();
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) close();
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/" || event.key === "s" || event.key === "S") {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  // -------------------------------------------------------------------- search page

  function searchPage() {
    var host = document.getElementById("kb-search-page");
    if (!host || host.dataset.ready) return;
    host.dataset.ready = "1";
    var params = new URLSearchParams(window.location.search);
    var form = element("form", "kb-search-page__form");
    var input = element("input", "kb-search-page__input");
    input.type = "search";
    input.name = "q";
    input.value = params.get("q") || "";
    input.placeholder = "Nhập từ cần tìm";
    input.setAttribute("aria-label", "Từ cần tìm");
    form.appendChild(input);
    var facets = element("div", "kb-facets");
    var status = element("p", "kb-search-page__status");
    status.setAttribute("aria-live", "polite");
    var list = element("ol", "kb-search-page__results");
    var more = element("button", "md-button kb-search-page__more", "Xem thêm kết quả");
    more.type = "button";
    more.hidden = true;
    host.replaceChildren(form, facets, status, list, more);

    var selected = {};
    FILTERS.forEach(function (filter) {
      selected[filter[0]] = params.getAll(filter[0]);
    });

    function chosenFilters() {
      var chosen = {};
      Object.keys(selected).forEach(function (key) {
        if (selected[key].length) chosen[key] = { any: selected[key] };
      });
      return chosen;
    }

    function updateUrl() {
      var next = new URLSearchParams();
      if (input.value.trim()) next.set("q", input.value.trim());
      Object.keys(selected).forEach(function (key) {
        selected[key].forEach(function (value) {
          next.append(key, value);
        });
      });
      var query = next.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }

    function renderFacets(counts) {
      facets.replaceChildren();
      FILTERS.forEach(function (filter) {
        var key = filter[0];
        var values = counts[key] || {};
        var names = Object.keys(values).sort(function (a, b) {
          return key === "year" ? b.localeCompare(a) : a.localeCompare(b, "vi");
        });
        if (names.length === 0) return;
        var group = element("fieldset", "kb-facet");
        group.dataset.filter = key;
        group.appendChild(element("legend", "kb-facet__title", filter[1]));
        names.forEach(function (name) {
          var label = element("label", "kb-facet__option");
          var box = element("input");
          box.type = "checkbox";
          box.value = name;
          box.checked = selected[key].indexOf(name) >= 0;
          box.addEventListener("change", function () {
            selected[key] = box.checked
              ? selected[key].concat([name])
              : selected[key].filter(function (value) {
                  return value !== name;
                });
            run();
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + name + " (" + values[name] + ")"));
          group.appendChild(label);
        });
        facets.appendChild(group);
      });
    }

    var latest = 0;
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      updateUrl();
      if (!query) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "";
        pagefind()
          .then(function (pf) {
            return pf.filters();
          })
          .then(renderFacets);
        return;
      }
      search(query, chosenFilters()).then(function (found) {
        if (ticket !== latest) return;
        list.replaceChildren();
        found.top.forEach(function (entry) {
          list.appendChild(resultItem(entry.data));
        });
        var rest = found.rest.slice();
        function showMore() {
          var batch = rest.splice(0, PAGE);
          Promise.all(
            batch.map(function (result) {
              return result.data();
            })
          ).then(function (rows) {
            if (ticket !== latest) return;
            rows.forEach(function (data) {
              list.appendChild(resultItem(data));
            });
            more.hidden = rest.length === 0;
          });
        }
        more.onclick = showMore;
        more.hidden = rest.length === 0;
        status.textContent = found.total ? found.total + " kết quả cho “" + query + "”" : noResults(query);
        pagefind()
          .then(function (pf) {
            return pf.search(query, { filters: chosenFilters() });
          })
          .then(function (filtered) {
            if (ticket === latest) renderFacets((filtered && filtered.filters) || {});
          });
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    run();
  }

  window.kbSearch = { search: search, variants: variants, fold: fold };

  function start() {
    headerSearch();
    searchPage();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
