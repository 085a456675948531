// The evidence picker: choose a source, find a paragraph, select words (drag, or click the
// first and the last word): the quote is the paragraph's own text between them, verbatim.

import { el, newId } from "./dom.js";
import { fold, strip } from "./text.js";
import { ctx } from "./state.js";
import { sourceSelect } from "./evidence.js";

function paragraphText(pick, n) {
  return ctx.sources[pick.select.value].paragraphs.filter((item) => item[0] === n)[0][3];
}

// A paragraph's text with each word in its own element (its offsets in data attributes).
function wordsOf(p) {
  var text = p[3];
  var body = el("p", { class: "kb-picker__text", "data-n": p[0] });
  var pattern = /\S+/g;
  var last = 0;
  var match;
  while ((match = pattern.exec(text))) {
    if (match.index > last) body.appendChild(document.createTextNode(text.slice(last, match.index)));
    body.appendChild(el("span", { class: "kb-word", "data-start": match.index, "data-end": match.index + match[0].length, text: match[0] }));
    last = match.index + match[0].length;
  }
  if (last < text.length) body.appendChild(document.createTextNode(text.slice(last)));
  return body;
}

function show(pick) {
  var source = ctx.sources[pick.select.value];
  var paragraphs = pick.paragraphs;
  paragraphs.textContent = "";
  paragraphs.hidden = !source;
  if (!source) return;
  var query = fold(pick.search.value).split(/\s+/).filter(Boolean);
  source.paragraphs.forEach(function (p) {
    var folded = fold(p[3]);
    if (!query.every((word) => folded.indexOf(word) >= 0)) return;
    var whole = el("button", { type: "button", class: "md-button kb-picker__whole", text: "Trích cả đoạn " + p[0] });
    whole.addEventListener("click", function () {
      setChoice(pick, p[0], p[3], 0, p[3].length);
    });
    paragraphs.appendChild(
      el("li", { class: "kb-picker__paragraph", "data-n": p[0] }, [
        el("span", { class: "kb-picker__number", text: "Đoạn " + p[0] + (p[1] !== "body" ? " · " + p[2] : "") }),
        wordsOf(p),
        whole,
      ])
    );
  });
  if (!paragraphs.children.length) paragraphs.appendChild(el("li", { text: "Không đoạn nào có các chữ này." }));
}

function setChoice(pick, n, text, a, b) {
  var quote = strip(text.slice(a, b));
  if (!quote) return;
  pick.choice = { n: n, quote: quote };
  pick.paragraphs.querySelectorAll(".kb-word").forEach(function (word) {
    var inside = word.parentNode.dataset.n === String(n) && +word.dataset.start >= a && +word.dataset.end <= b;
    word.classList.toggle("kb-word--chosen", inside);
  });
  pick.chosenText.textContent = "Đã chọn (đoạn " + n + "): “" + quote + "”";
  pick.useButton.hidden = false;
}

function paragraphOf(node) {
  var element = node.nodeType === 1 ? node : node.parentNode;
  return element && element.closest ? element.closest(".kb-picker__text") : null;
}

function offsetIn(body, node, offset) {
  var range = document.createRange();
  range.setStart(body, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function fromSelection(pick) {
  var selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
  var range = selection.getRangeAt(0);
  var body = paragraphOf(range.startContainer);
  if (!body || !pick.paragraphs.contains(body)) return false;
  var source = ctx.sources[pick.select.value];
  var p = source.paragraphs.filter((item) => String(item[0]) === body.dataset.n)[0];
  // A quote stays in one paragraph: a drag past its end stops at its end.
  var end = body === paragraphOf(range.endContainer) ? offsetIn(body, range.endContainer, range.endOffset) : p[3].length;
  setChoice(pick, p[0], p[3], offsetIn(body, range.startContainer, range.startOffset), end);
  pick.clickStart = null;
  return true;
}

// A click on a word starts a quote; a click on a later (or earlier) word ends it.
function onClick(pick, event) {
  var word = event.target.closest ? event.target.closest(".kb-word") : null;
  if (!word || (window.getSelection() && !window.getSelection().isCollapsed)) return;
  var n = +word.parentNode.dataset.n;
  var text = paragraphText(pick, n);
  var start = pick.clickStart;
  if (start && start.n === n) {
    setChoice(pick, n, text, Math.min(start.start, +word.dataset.start), Math.max(start.end, +word.dataset.end));
    pick.clickStart = null;
  } else {
    pick.clickStart = { n: n, start: +word.dataset.start, end: +word.dataset.end };
    setChoice(pick, n, text, pick.clickStart.start, pick.clickStart.end);
    pick.chosenText.textContent += " — bấm chữ cuối của đoạn cần trích.";
  }
}

function onUse(pick, use) {
  if (!pick.choice) return;
  var number = use(pick.select.value, pick.choice.quote);
  pick.chosenText.textContent =
    "Đã thêm vào trích dẫn " + number + ". Tìm đoạn cho trích dẫn tiếp theo, hoặc chọn tiếp trong đoạn này.";
  pick.useButton.hidden = true;
  pick.choice = null;
  pick.paragraphs.querySelectorAll(".kb-word--chosen").forEach((word) => word.classList.remove("kb-word--chosen"));
  // Ready for the next quote: typing replaces the last search.
  pick.search.focus();
  pick.search.select();
}

function pickerElements() {
  var sourceId = newId("picker-source");
  var searchId = newId("picker-search");
  var pick = {
    box: el("div", { class: "kb-picker" }),
    select: sourceSelect(sourceId, ""),
    search: el("input", { id: searchId, type: "search", autocomplete: "off", placeholder: "Tìm chữ trong các đoạn" }),
    paragraphs: el("ol", { class: "kb-picker__paragraphs", tabindex: "0", "aria-label": "Các đoạn của nguồn", hidden: true }),
    chosenText: el("p", { class: "kb-picker__chosen", "aria-live": "polite" }),
    useButton: el("button", { type: "button", class: "md-button md-button--primary", text: "Thêm vào bằng chứng", hidden: true }),
    choice: null, // {n, quote}
    clickStart: null,
  };
  var help = el("p", {
    class: "kb-hint",
    id: newId("picker-help"),
    text:
      "Bôi đen các chữ cần trích trong một đoạn, hoặc bấm vào chữ đầu rồi chữ cuối. " +
      "Dùng bàn phím: nút “Trích cả đoạn”, rồi xóa bớt trong ô trích dẫn.",
  });
  pick.box.appendChild(el("p", { class: "kb-picker__title", text: "Chọn trích dẫn trong nguồn" }));
  pick.box.appendChild(
    el("div", { class: "kb-picker__controls" }, [
      el("span", { class: "kb-field" }, [el("label", { for: sourceId, text: "Nguồn" }), pick.select]),
      el("span", { class: "kb-field" }, [el("label", { for: searchId, text: "Tìm trong nguồn" }), pick.search]),
    ])
  );
  [help, pick.paragraphs, pick.chosenText, pick.useButton].forEach((node) => pick.box.appendChild(node));
  return pick;
}

export function picker(use) {
  var pick = pickerElements();
  pick.paragraphs.addEventListener("mouseup", function () {
    setTimeout(() => fromSelection(pick), 0);
  });
  pick.paragraphs.addEventListener("click", (event) => onClick(pick, event));
  pick.select.addEventListener("change", function () {
    pick.choice = null;
    pick.useButton.hidden = true;
    pick.chosenText.textContent = "";
    show(pick);
  });
  pick.search.addEventListener("input", () => show(pick));
  pick.useButton.addEventListener("click", () => onUse(pick, use));
  return pick.box;
}
