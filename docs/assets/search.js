// Site search on Pagefind: the box in the header of every page and the search page.
//
// Pagefind folds tones and marks (so "gin giu" finds "gìn giữ") but not "đ", which has no
// Unicode decomposition. In Vietnamese "đ" only begins a syllable, so each syllable of the
// query that begins with "d" is also tried with "đ", and the result sets are merged.
//
// Pagefind matches every word of a query as a prefix ("hoa" finds "hoạch"), which fills
// results with noise. Every word but the last must occur as a whole word (Pagefind's exact
// search for that word, diacritics folded), and the last (the word being typed) as a whole
// word or the start of one (read from the page's text). A query with a word found nowhere
// says so, and shows the results without that word, labelled as such. Facet counts come from
// Pagefind's filter index (the pages of each filter value), so no page is read for them.
//
// The best results are ranked: a page the query names (its title, abbreviation or other name) first,
// named as typed before named once folded, the named entity or theme before named records;
// then pages whose title holds the query as a phrase, pages that gather others (themes,
// entities, record types) before the records they gather; then by how much of the title the
// query covers, by the share of its words in the title, the same with diacritics as typed,
// and Pagefind's score.
//
// With no words, the search page lists what the chosen filters select, newest first.
(function () {
  "use strict";

  var FILTERS = [
    ["type", "Loại"],
    ["theme", "Chủ đề"],
    ["year", "Năm"],
    ["entity", "Quốc gia, tổ chức tham gia"],
    ["mentioned", "Được nhắc đến"],
    ["time", "Thời gian"],
    ["source", "Nguồn"],
  ];
  // Results shown at a time: each is one fragment to download, so a first search on a phone
  // asks for no more than ten; "Xem thêm kết quả" loads the next ten.
  var PAGE = 10;
  var MAX_CHECKED = 300; // pages read to check a word found only as the start of a longer one
  var RERANK = PAGE; // best results (by Pagefind's score) loaded and ranked: the first page
  var MAX_VARIANT_SYLLABLES = 3;
  var HEADER_RESULTS = 8;
  var FACET_SHOWN = 6; // options of a filter shown before "Thêm … lựa chọn"
  // Vietnamese order, as the build sorts (ICU's collation for "vi", text.vietnamese_sort_key).
  var VIETNAMESE = new Intl.Collator("vi");

  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var searchPageUrl = new URL("tim-kiem/", root).href;
  var pagefindPromise = null;

  function pagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        // Pagefind runs in its web worker (one more file, 12 KB): decompressing the index and
        // its fragments and searching them (WebAssembly) would otherwise block the page for
        // hundreds of milliseconds on a phone.
        return pf.options({ baseUrl: root.pathname }).then(function () {
          return pf;
        });
      });
    }
    return pagefindPromise;
  }

  // ------------------------------------------------------------------ query handling

  // Shared with the proposal form (propose.js), so that both fold Vietnamese alike.
  window.kbFold = fold;

  function fold(text) {
    return text
      .normalize("NFC")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  // The words of a query: a dash or other punctuation typed alone between words is none.
  function words(query) {
    return query
      .normalize("NFC")
      .split(/\s+/)
      .filter(function (word) {
        return /[\p{L}\p{N}]/u.test(word);
      });
  }

  // The query as typed, plus its variants with "đ" for syllables typed with "d".
  function variants(parts) {
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

  var cache = {};
  // `text` as a whole word (or, with `prefix`, the start of a word).
  function wordPattern(text, prefix) {
    var key = (prefix ? "p:" : "w:") + text;
    if (!cache[key]) {
      cache[key] = new RegExp(
        "(^|[^\\p{L}\\p{N}])" + escapeRegExp(text) + (prefix ? "" : "(?=$|[^\\p{L}\\p{N}])"),
        "u"
      );
    }
    return cache[key];
  }

  // Whether a page's folded text holds every query word: whole words, the last as a prefix.
  function holds(folded, terms) {
    return terms.every(function (term, index) {
      return wordPattern(term, index === terms.length - 1).test(folded);
    });
  }

  function pageText(data) {
    var meta = data.meta || {};
    return fold([meta.title || "", meta.names || "", data.content || ""].join(" \n "));
  }

  // How well `title` matches the query once both pass through `transform`: the query as one
  // phrase (1 or 0), then the share of its words found as whole words.
  function titleMatch(query, title, transform) {
    var haystack = transform(title);
    var terms = words(transform(query));
    if (terms.length === 0) return [0, 0];
    var found = terms.filter(function (term) {
      return wordPattern(term).test(haystack);
    });
    return [wordPattern(terms.join(" ")).test(haystack) ? 1 : 0, found.length / terms.length];
  }

  function lower(text) {
    return text.normalize("NFC").toLowerCase();
  }

  function rankOf(query, data, score) {
    var meta = data.meta || {};
    var title = meta.title || "";
    var allNames = [title].concat((meta.names || "").split(" | "));
    // A name as typed, diacritics and all, names the page more surely than one that only
    // folds alike: "Mỹ" is Hoa Kỳ's everyday name, "my" could be many words.
    var named = allNames.some(function (name) {
      return lower(name).trim() === lower(query).trim();
    })
      ? 2
      : allNames.some(function (name) {
            return fold(name).trim() === fold(query).trim();
          })
        ? 1
        : 0;
    var plain = titleMatch(query, title, fold);
    var hub = plain[0] || named ? Number(meta.hub || 0) : 0;
    var titleWords = words(title).length || 1;
    var coverage = plain[0] ? words(query).length / titleWords : 0;
    // Among pages the query names, the page of the thing itself (an entity, a theme) comes
    // before a record whose title holds the name ("… Chủ tịch AAPTC năm 2020").
    return [named, named ? hub : 0, plain[0], hub, coverage, plain[1]].concat(
      titleMatch(query, title, lower),
      [score]
    );
  }

  function byRank(a, b) {
    for (var i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return b.rank[i] - a.rank[i];
    return 0;
  }

  // Pagefind's results for the words, "đ" variants merged, best score per page.
  function candidates(pf, terms) {
    return Promise.all(
      variants(terms).map(function (variant) {
        return pf.search(variant);
      })
    ).then(function (searches) {
      var best = {};
      searches.forEach(function (found) {
        if (!found) return;
        found.results.forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      return Object.keys(best)
        .map(function (id) {
          return best[id];
        })
        .sort(function (a, b) {
          return b.score - a.score;
        });
    });
  }

  // The pages the searches found, as a set: {id: true}.
  function idsOf(searches) {
    var ids = {};
    searches.forEach(function (found) {
      if (found) {
        found.results.forEach(function (result) {
          ids[result.id] = true;
        });
      }
    });
    return ids;
  }

  // Pages holding `term` as a whole word: Pagefind's quoted (exact) search, which compares
  // without diacritics but matches no longer word; with the "đ" variants.
  function wholeWordIds(pf, term) {
    return Promise.all(
      variants([term]).map(function (variant) {
        return pf.search('"' + variant + '"');
      })
    ).then(idsOf);
  }

  // The ids of the hub pages (themes, record types, entities) matching the words, from
  // their filter: a hub whose title or names match the query is ranked even when Pagefind
  // scores it low. The search is the query's own, so it loads no other part of the index (a
  // search by filter alone would load all of it).
  function hubIds(pf, terms) {
    return Promise.all(
      variants(terms).map(function (variant) {
        return pf.search(variant, { filters: { hub: { any: ["1", "2"] } } });
      })
    ).then(idsOf);
  }

  function namesMatch(result) {
    var fields = result.matchedMetaFields || [];
    return fields.indexOf("title") >= 0 || fields.indexOf("names") >= 0;
  }

  function withData(entry) {
    if (entry.data) return Promise.resolve(entry);
    return entry.result.data().then(function (data) {
      entry.data = data;
      return entry;
    });
  }

  // The candidates that hold every word, best first: {entries: [{result, data?}], capped}.
  // Whole words are checked against Pagefind's exact search, so no page text is loaded for
  // them; only pages where the last word is found as the start of a longer word are read.
  // The best RERANK are loaded and ranked; the others keep Pagefind's order.
  function checked(pf, terms, query) {
    var lookups = [candidates(pf, terms), hubIds(pf, terms)].concat(
      terms.map(function (term) {
        return wholeWordIds(pf, term);
      })
    );
    return Promise.all(lookups).then(function (found) {
      var hubs = found.splice(1, 1)[0];
      var inner = found.slice(1, -1);
      var lastWhole = found[found.length - 1];
      var kept = found[0].filter(function (result) {
        return inner.every(function (ids) {
          return ids[result.id];
        });
      });
      var prefixOnly = kept.filter(function (result) {
        return !lastWhole[result.id];
      });
      var folded = terms.map(fold);
      var read = prefixOnly.slice(0, MAX_CHECKED).map(function (result) {
        return withData({ result: result });
      });
      return Promise.all(read).then(function (loaded) {
        var prefixed = {};
        loaded.forEach(function (entry) {
          if (holds(pageText(entry.data), folded)) prefixed[entry.result.id] = entry;
        });
        var entries = kept
          .filter(function (result) {
            return lastWhole[result.id] || prefixed[result.id];
          })
          .map(function (result) {
            return prefixed[result.id] || { result: result };
          });
        var named = entries.filter(function (entry) {
          return hubs[entry.result.id] && namesMatch(entry.result);
        });
        var head = named.slice(0, RERANK);
        entries.forEach(function (entry) {
          if (head.length < RERANK && head.indexOf(entry) < 0) head.push(entry);
        });
        var rest = entries.filter(function (entry) {
          return head.indexOf(entry) < 0;
        });
        return Promise.all(head.map(withData)).then(function () {
          head.forEach(function (entry) {
            entry.rank = rankOf(query, entry.data, entry.result.score);
          });
          head.sort(byRank);
          return { entries: head.concat(rest), capped: prefixOnly.length > MAX_CHECKED };
        });
      });
    });
  }

  // Search for `query`: { entries, dropped (words found nowhere), capped, terms (the words
  // the results hold) }.
  function search(query) {
    var terms = words(query);
    if (terms.length === 0) return Promise.resolve({ entries: [], dropped: [], capped: false, terms: [] });
    return pagefind().then(function (pf) {
      return checked(pf, terms, query).then(function (found) {
        if (found.entries.length || terms.length < 2) {
          return { entries: found.entries, dropped: [], capped: found.capped, terms: terms };
        }
        // Which words are found nowhere? Search again without them, and say so.
        return Promise.all(
          terms.map(function (term) {
            return checked(pf, [term], term).then(function (alone) {
              return alone.entries.length > 0;
            });
          })
        ).then(function (present) {
          var kept = terms.filter(function (term, index) {
            return present[index];
          });
          var dropped = terms.filter(function (term, index) {
            return !present[index];
          });
          if (kept.length === 0 || dropped.length === 0) {
            return { entries: [], dropped: dropped, capped: false, terms: terms };
          }
          return checked(pf, kept, kept.join(" ")).then(function (rest) {
            return { entries: rest.entries, dropped: dropped, capped: rest.capped, terms: kept };
          });
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

  // Pagefind marks every word that begins like a query word ("hoa" in "hoạch"); keep the
  // marks on words the query really holds: whole words, or the start of one for the last.
  function trimMarks(excerpt, terms) {
    var folded = terms.map(fold);
    excerpt.querySelectorAll("mark").forEach(function (mark) {
      var word = fold(mark.textContent).replace(/[^\p{L}\p{N}]+$/u, "");
      var kept = folded.some(function (term, index) {
        return index === folded.length - 1 ? word.indexOf(term) === 0 : word === term;
      });
      if (!kept) mark.replaceWith(document.createTextNode(mark.textContent));
    });
  }

  function resultParts(node, data, terms) {
    node.appendChild(element("span", "kb-result__title", (data.meta && data.meta.title) || data.url));
    var meta = [data.meta && data.meta.type, data.meta && data.meta.date].filter(Boolean).join(" · ");
    if (meta) node.appendChild(element("span", "kb-result__meta", meta));
    var excerpt = element("span", "kb-result__excerpt");
    // Pagefind encodes the excerpt's HTML entities before adding <mark>: safe as HTML.
    excerpt.innerHTML = data.excerpt;
    if (terms && terms.length) trimMarks(excerpt, terms);
    node.appendChild(excerpt);
  }

  function resultItem(data, terms) {
    var item = element("li", "kb-result");
    var link = element("a", "kb-result__link");
    link.href = data.url;
    resultParts(link, data, terms);
    item.appendChild(link);
    return item;
  }

  function quoted(list) {
    return list
      .map(function (word) {
        return "“" + word + "”";
      })
      .join(", ");
  }

  function noResults(query) {
    return "Không tìm thấy kết quả nào cho “" + query + "”. Hãy thử từ khác hoặc bỏ bớt bộ lọc.";
  }

  function droppedNote(dropped) {
    return (
      "Không trang nào có từ " +
      quoted(dropped) +
      ". Dưới đây là kết quả khi bỏ qua " +
      (dropped.length > 1 ? "các từ này" : "từ này") +
      ":"
    );
  }

  // ---------------------------------------------------------------- header search box
  // The WAI-ARIA combobox pattern: the input owns a listbox of options; arrows move the
  // active option (aria-activedescendant), Enter opens it, Esc closes the list.

  function headerSearch() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".kb-search")) return;
    var box = element("div", "kb-search");
    box.setAttribute("role", "search");
    var form = element("form", "kb-search__form");
    form.action = searchPageUrl;
    var input = element("input", "kb-search__input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "Tìm kiếm";
    input.autocomplete = "off";
    input.id = "kb-search-input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-label", "Tìm kiếm");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "kb-search-results");
    form.appendChild(input);
    var panel = element("div", "kb-search__panel");
    panel.hidden = true;
    var status = element("p", "kb-search__status");
    status.setAttribute("role", "status");
    var list = element("ul", "kb-search__results");
    list.id = "kb-search-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Kết quả tìm kiếm");
    var all = element("a", "kb-search__all", "Tất cả kết quả và bộ lọc →");
    all.href = searchPageUrl;
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(all);
    box.appendChild(form);
    box.appendChild(panel);
    inner.insertBefore(box, inner.querySelector(".md-header__source"));

    var active = -1;
    var latest = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function setActive(index) {
      var all = options();
      if (all.length === 0) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function show(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) {
        active = -1;
        input.removeAttribute("aria-activedescendant");
      }
    }

    function option(data, index, terms) {
      var item = element("li", "kb-result");
      item.id = "kb-search-option-" + index;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = data.url;
      resultParts(item, data, terms);
      item.addEventListener("click", function () {
        window.location.href = data.url;
      });
      return item;
    }

    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      all.href = searchPageUrl + (query ? "?q=" + encodeURIComponent(query) : "");
      if (!query) {
        show(false);
        return;
      }
      search(query).then(function (found) {
        if (ticket !== latest) return;
        list.replaceChildren();
        active = -1;
        input.removeAttribute("aria-activedescendant");
        found.entries.slice(0, HEADER_RESULTS).forEach(function (entry, index) {
          list.appendChild(option(entry.data, index, found.terms));
        });
        var count = found.entries.length;
        status.textContent = count
          ? (found.dropped.length ? droppedNote(found.dropped) + " " : "") + count + " kết quả"
          : noResults(query);
        show(true);
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    input.addEventListener("focus", function () {
      pagefind();
      if (input.value.trim() && list.children.length) show(true);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (panel.hidden && input.value.trim()) show(true);
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options()[active].dataset.url;
      } else if (event.key === "Escape") {
        event.preventDefault(); // a search input would clear itself; keep the query
        show(false);
        input.blur();
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) show(false);
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
    form.setAttribute("role", "search");
    var input = element("input", "kb-search-page__input");
    input.type = "search";
    input.name = "q";
    input.value = params.get("q") || "";
    input.placeholder = "Nhập từ cần tìm, hoặc chỉ chọn bộ lọc";
    input.setAttribute("aria-label", "Từ cần tìm");
    form.appendChild(input);

    // Every facet group is there from the start, with its height reserved, so that
    // nothing moves when the counts arrive.
    var facets = element("div", "kb-facets");
    facets.setAttribute("aria-label", "Bộ lọc");
    facets.setAttribute("role", "group");
    var groups = {};
    var selected = {};
    FILTERS.forEach(function (filter) {
      var key = filter[0];
      selected[key] = params.getAll(key);
      var group = element("fieldset", "kb-facet");
      group.dataset.filter = key;
      group.appendChild(element("legend", "kb-facet__title", filter[1]));
      groups[key] = group;
      facets.appendChild(group);
    });
    var status = element("p", "kb-search-page__status");
    status.setAttribute("role", "status");
    var note = element("p", "kb-search-page__note");
    note.hidden = true;
    var list = element("ol", "kb-search-page__results");
    var more = element("button", "md-button kb-search-page__more", "Xem thêm kết quả");
    more.type = "button";
    more.hidden = true;
    // On a phone the filters fold away under one line; on a wide screen they stay open.
    var facetBox = element("details", "kb-facets-box");
    facetBox.open = window.matchMedia("(min-width: 60em)").matches || FILTERS.some(function (filter) {
      return selected[filter[0]].length > 0;
    });
    facetBox.appendChild(element("summary", "kb-facets-box__summary", "Bộ lọc: loại, chủ đề, năm, đối tác, nguồn"));
    facetBox.appendChild(facets);
    host.replaceChildren(form, facetBox, status, note, list, more);

    var totals = null; // every filter value with its count over the whole site

    function anySelected() {
      return Object.keys(selected).some(function (key) {
        return selected[key].length > 0;
      });
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

    // Options with results first, then those with none; years newest first, other
    // values by their count, then in Vietnamese order (the site's order, ICU's "vi").
    function sortedNames(key, values, counts) {
      return Object.keys(values).sort(function (a, b) {
        var countA = counts[a] || 0;
        var countB = counts[b] || 0;
        if (!countA !== !countB) return countA ? -1 : 1;
        if (key === "year") return VIETNAMESE.compare(b, a);
        return countB - countA || VIETNAMESE.compare(a, b);
      });
    }

    // Every value of every group, with the count the current query and the other groups'
    // choices give it (0 when none); a chosen value stays listed and ticked.
    function renderFacets(counts) {
      FILTERS.forEach(function (filter) {
        var key = filter[0];
        var group = groups[key];
        var all = Object.assign({}, totals[key] || {});
        selected[key].forEach(function (value) {
          all[value] = all[value] || 0;
        });
        var opened = group.querySelector(".kb-facet__more[open]") !== null;
        group.querySelectorAll(".kb-facet__option, .kb-facet__more").forEach(function (node) {
          node.remove();
        });
        // The values with results, most first, up to FACET_SHOWN (and every chosen one);
        // the others folded under one line, never cut by a scroll box.
        var more = element("details", "kb-facet__more");
        more.open = opened;
        var folded = 0;
        sortedNames(key, all, counts[key] || {}).forEach(function (name, index) {
          var count = (counts[key] || {})[name] || 0;
          var label = element("label", "kb-facet__option" + (count ? "" : " kb-facet__option--empty"));
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
          label.appendChild(document.createTextNode(name + " (" + count + ")"));
          if (box.checked || (count && index < FACET_SHOWN)) {
            group.appendChild(label);
          } else {
            more.appendChild(label);
            folded++;
          }
        });
        if (folded) {
          var summary = element("summary", "kb-facet__more-summary", "Thêm " + folded + " lựa chọn");
          more.insertBefore(summary, more.firstChild);
          group.appendChild(more);
        }
      });
    }

    // The pages of every filter value, from Pagefind's filter index: counting and filtering
    // need no page's data. With words, each value is searched with the query (and its "đ"
    // variants), which loads no more of the index than the query itself; with no words
    // (browsing by filters) a search by filter alone must load the whole index.
    var pagesOf = null;
    var pagesFor = null;
    function filterIndex(pf, terms) {
      var key = terms.join(" ");
      if (pagesOf && pagesFor === key) return Promise.resolve(pagesOf);
      var queries = terms.length ? variants(terms) : [null];
      var sets = {};
      var jobs = [];
      FILTERS.forEach(function (filter) {
        var name = filter[0];
        sets[name] = {};
        Object.keys(totals[name] || {}).forEach(function (value) {
          var only = {};
          only[name] = value;
          var ids = (sets[name][value] = {});
          queries.forEach(function (query) {
            jobs.push(function () {
              return pf.search(query, { filters: only }).then(function (found) {
                found.results.forEach(function (result) {
                  ids[result.id] = true;
                });
              });
            });
          });
        });
      });
      // A few searches at a time, yielding between them: one long run of searches would
      // block the page (Lighthouse counts it as total blocking time on a phone).
      var lookups = [];
      var chain = Promise.resolve();
      for (var i = 0; i < jobs.length; i += 4) {
        (function (batch) {
          chain = chain
            .then(function () {
              return new Promise(function (resolve) {
                setTimeout(resolve, 0);
              });
            })
            .then(function () {
              return Promise.all(
                batch.map(function (job) {
                  return job();
                })
              );
            });
        })(jobs.slice(i, i + 4));
      }
      lookups.push(chain);
      return Promise.all(lookups).then(function () {
        pagesOf = sets;
        pagesFor = key;
        return sets;
      });
    }

    // Whether page `id` passes the chosen filters (of every group but `except`): any of the
    // chosen values within a group, every group.
    function passes(id, except) {
      return Object.keys(selected).every(function (key) {
        if (key === except || selected[key].length === 0) return true;
        return selected[key].some(function (value) {
          return pagesOf[key][value] && pagesOf[key][value][id];
        });
      });
    }

    // Counts of each value over `ids`, under the other groups' choices.
    function countsOf(ids) {
      var counts = {};
      FILTERS.forEach(function (filter) {
        var key = filter[0];
        var inScope = ids.filter(function (id) {
          return passes(id, key);
        });
        counts[key] = {};
        Object.keys(pagesOf[key]).forEach(function (value) {
          counts[key][value] = inScope.filter(function (id) {
            return pagesOf[key][value][id];
          }).length;
        });
      });
      return counts;
    }

    function loadTotals(pf) {
      if (totals) return Promise.resolve(totals);
      return pf.filters().then(function (all) {
        totals = all;
        return all;
      });
    }

    // The facets of the latest search: {ticket, terms, ids (the pages the query gives, before
    // the filters; null with no words and no filter: every value with its count on the
    // site), filled (the promise of their rendering)}. They are computed only when needed:
    // on screen (a wide screen; a phone once the reader opens them) or when a chosen value
    // filters the results. A phone that only reads the results downloads no filter index.
    var facetState = null;

    function fillFacets() {
      var current = facetState;
      if (!current) return Promise.resolve();
      if (!current.filled) {
        current.filled = pagefind().then(function (pf) {
          return loadTotals(pf)
            .then(function () {
              return current.ids ? filterIndex(pf, current.terms) : null;
            })
            .then(function () {
              if (current !== facetState) return;
              renderFacets(current.ids ? countsOf(current.ids) : totals);
            });
        });
      }
      return current.filled;
    }

    facetBox.addEventListener("toggle", function () {
      if (facetBox.open) fillFacets();
    });

    // Shows results a page at a time; `load(from, to)` gives the data of that slice. Shown
    // facets are counted first, so that results, counts and status arrive together; the
    // status line is written once the first page is on screen, so that it never announces
    // results that are not there yet.
    function paginate(ticket, total, load, terms, statusText) {
      var shown = 0;
      function next() {
        var end = Math.min(total, shown + PAGE);
        return load(shown, end).then(function (rows) {
          if (ticket !== latest) return;
          if (shown === 0) list.replaceChildren();
          rows.forEach(function (data) {
            list.appendChild(resultItem(data, terms));
          });
          shown = end;
          more.hidden = shown >= total;
        });
      }
      more.onclick = next;
      (facetBox.open ? fillFacets() : Promise.resolve())
        .then(function () {
          return ticket === latest && total > 0 ? next() : null;
        })
        .then(function () {
          if (ticket !== latest) return;
          if (total === 0) {
            list.replaceChildren();
            more.hidden = true;
          }
          status.textContent = statusText;
        });
    }

    function describeFilters() {
      return FILTERS.filter(function (filter) {
        return selected[filter[0]].length > 0;
      })
        .map(function (filter) {
          return filter[1] + ": " + selected[filter[0]].join(" hoặc ");
        })
        .join("; ");
    }

    var latest = 0;
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      updateUrl();
      pagefind().then(function (pf) {
        if (ticket !== latest) return null;
        if (query) return showSearch(pf, query, ticket);
        if (anySelected()) return showBrowse(pf, ticket);
        facetState = { ticket: ticket, terms: [], ids: null };
        list.replaceChildren();
        more.hidden = true;
        note.hidden = true;
        return (facetBox.open ? fillFacets() : Promise.resolve()).then(function () {
          if (ticket !== latest) return;
          status.textContent = "Gõ từ cần tìm, hoặc chọn bộ lọc để xem danh sách bản ghi.";
        });
      });
    }

    function showSearch(pf, query, ticket) {
      return search(query).then(function (found) {
        if (ticket !== latest) return null;
        facetState = {
          ticket: ticket,
          terms: found.terms,
          ids: found.entries.map(function (entry) {
            return entry.result.id;
          }),
        };
        // Filtering needs the pages of the chosen values; counting waits until shown.
        return (anySelected() ? fillFacets() : Promise.resolve()).then(function () {
          if (ticket !== latest) return;
          var shown = found.entries.filter(function (entry) {
            return passes(entry.result.id);
          });
          note.hidden = found.dropped.length === 0;
          note.textContent = found.dropped.length ? droppedNote(found.dropped) : "";
          var filters = describeFilters();
          var text = shown.length
            ? shown.length + " kết quả cho “" + query + "”" + (filters ? " (" + filters + ")" : "")
            : found.dropped.length && !found.entries.length
              ? "Không trang nào có từ " + quoted(found.dropped) + "."
              : noResults(query);
          if (found.capped) text += " Chỉ " + MAX_CHECKED + " trang đầu được đọc để kiểm tra.";
          paginate(
            ticket,
            shown.length,
            function (from, to) {
              return Promise.all(shown.slice(from, to).map(withData)).then(function (entries) {
                return entries.map(function (entry) {
                  return entry.data;
                });
              });
            },
            found.terms,
            text
          );
        });
      });
    }

    // No words: everything the filters select, newest first.
    function showBrowse(pf, ticket) {
      return pf.search(null, { sort: { date: "desc" } }).then(function (listing) {
        if (ticket !== latest) return null;
        var all = listing.results;
        facetState = {
          ticket: ticket,
          terms: [],
          ids: all.map(function (result) {
            return result.id;
          }),
        };
        return fillFacets().then(function () {
          if (ticket !== latest) return;
          var results = all.filter(function (result) {
            return passes(result.id);
          });
          note.hidden = true;
          var text = results.length
            ? results.length + " kết quả theo bộ lọc (" + describeFilters() + "), mới nhất trước"
            : "Không có kết quả nào theo bộ lọc (" + describeFilters() + "). Hãy bỏ bớt bộ lọc.";
          paginate(
            ticket,
            results.length,
            function (from, to) {
              return Promise.all(
                results.slice(from, to).map(function (result) {
                  return result.data();
                })
              );
            },
            [],
            text
          );
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
