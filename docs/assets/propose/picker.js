// The evidence picker: choose a source, find a paragraph, select words (drag, or click the
// first and the last word): the quote is the paragraph's own text between them, verbatim.

import { el, newId } from "./dom.js";
import { fold, strip } from "./text.js";
import { ctx } from "./state.js";
import { sourceSelect } from "./evidence.js";

function paragraphText(pick, n) {
  return ctx.sources[pick.select.value].paragraphs.filter((item) => item[0] === n)[0][3];
}

// Punctuation that ends a word: its own part of the word, taken only when picked.
var TRAILING = /[.,;:!?…)\]}”’"»]+$/;

// One word: its letters (offsets in data attributes), its trailing punctuation apart, and
// marked when it holds a searched word.
function wordElement(word, at, query) {
  var trail = TRAILING.exec(word);
  var core = trail && trail.index > 0 ? word.slice(0, trail.index) : word;
  var hit = query.length && query.some((q) => fold(core).indexOf(q) >= 0);
  var span = el("span", { class: "kb-word" + (hit ? " kb-word--hit" : ""), "data-start": at, "data-end": at + core.length }, [core]);
  if (core !== word) {
    span.appendChild(el("span", { class: "kb-word__punct", "data-end": at + word.length }, [word.slice(core.length)]));
  }
  return span;
}

// A paragraph's text with each word in its own element.
function wordsOf(p, query) {
  var text = p[3];
  var body = el("p", { class: "kb-picker__text", "data-n": p[0] });
  var pattern = /\S+/g;
  var last = 0;
  var match;
  while ((match = pattern.exec(text))) {
    if (match.index > last) body.appendChild(document.createTextNode(text.slice(last, match.index)));
    body.appendChild(wordElement(match[0], match.index, query));
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
        wordsOf(p, query),
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
    var punct = word.querySelector(".kb-word__punct");
    if (punct) punct.classList.toggle("kb-word__punct--chosen", inside && +punct.dataset.end <= b);
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

// A selection that starts or ends inside a word takes the whole word (its punctuation only
// when the selection reaches into it).
function wholeWords(body, a, b) {
  body.querySelectorAll(".kb-word").forEach(function (word) {
    var start = +word.dataset.start;
    var punct = word.querySelector(".kb-word__punct");
    var end = +word.dataset.end;
    if (start < a && a < end) a = start;
    if (start < b && b < end) b = end;
    if (punct && end < b && b < +punct.dataset.end) b = +punct.dataset.end;
  });
  return [a, b];
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
  var span = wholeWords(body, offsetIn(body, range.startContainer, range.startOffset), end);
  setChoice(pick, p[0], p[3], span[0], span[1]);
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
  var punct = event.target.closest(".kb-word__punct");
  var end = punct ? +punct.dataset.end : +word.dataset.end; // the comma only when it is clicked
  if (start && start.n === n) {
    setChoice(pick, n, text, Math.min(start.start, +word.dataset.start), Math.max(start.end, end));
    pick.clickStart = null;
  } else {
    pick.clickStart = { n: n, start: +word.dataset.start, end: end };
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

// ---------------------------------------------------------------- the keyboard
// A cursor on one word: arrows move it (left, right within the paragraph; up, down to the
// next paragraph), Shift + arrows extend the choice word by word, Enter adds it.

function wordsIn(li) {
  return li ? Array.prototype.slice.call(li.querySelectorAll(".kb-word")) : [];
}

function moveCursor(pick, li, index, extend) {
  var words = wordsIn(li);
  if (!words.length) return;
  index = Math.max(0, Math.min(index, words.length - 1));
  if (!extend || !pick.cursor || pick.cursor.li !== li) pick.anchor = index;
  pick.cursor = { li: li, index: index };
  pick.paragraphs.querySelectorAll(".kb-word--cursor").forEach((word) => word.classList.remove("kb-word--cursor"));
  words[index].classList.add("kb-word--cursor");
  words[index].scrollIntoView({ block: "nearest" });
  var first = words[Math.min(pick.anchor, index)];
  var last = words[Math.max(pick.anchor, index)];
  var n = +li.dataset.n;
  setChoice(pick, n, paragraphText(pick, n), +first.dataset.start, +last.dataset.end);
}

function onKey(pick, event, use) {
  var items = Array.prototype.slice.call(pick.paragraphs.querySelectorAll(".kb-picker__paragraph"));
  var cursor = pick.cursor && items.indexOf(pick.cursor.li) >= 0 ? pick.cursor : null;
  var at = cursor ? items.indexOf(cursor.li) : -1;
  if (event.key === "Enter" && pick.choice && event.target === pick.paragraphs) {
    event.preventDefault();
    onUse(pick, use);
    pick.cursor = null;
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    var next = items[Math.max(0, Math.min(at + (event.key === "ArrowDown" ? 1 : -1), items.length - 1))];
    moveCursor(pick, next, 0, false);
  } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
    event.preventDefault();
    if (!cursor) return moveCursor(pick, items[0], 0, false);
    moveCursor(pick, cursor.li, cursor.index + (event.key === "ArrowRight" ? 1 : -1), event.shiftKey);
  }
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
      "Dùng bàn phím: Tab tới các đoạn, mũi tên lên xuống để đổi đoạn, trái phải để chọn chữ, " +
      "Shift + mũi tên để chọn thêm từng chữ, Enter để thêm vào bằng chứng (hoặc nút “Trích cả đoạn”).",
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
  pick.paragraphs.addEventListener("keydown", (event) => onKey(pick, event, use));
  return pick.box;
}
