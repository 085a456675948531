// Where the articles speak of a new entity. An entity file has no evidence list: its
// description says what the articles say of it, each point with its source and paragraph,
// "… (TTXVN: …, đoạn 8)." (CONTRIBUTING.md, the entities of data/entities/). The panel asks
// for the description in the editor's words, the source and the paragraph numbers, and
// writes the citation at the end of the description; a draft's description is read back
// into the three.

import { el, newId } from "./dom.js";
import { collapse } from "./text.js";
import { ctx } from "./state.js";
import { slot, touch } from "./fields.js";
import { sourceSelect } from "./evidence.js";

function citation(sourceId, numbers) {
  return "(" + ctx.sources[sourceId].label + ", " + numbers.map((n) => "đoạn " + n).join(", ") + ")";
}

// "8", "8, 10", "đoạn 8 và 10" → [8, 10]
function numbersIn(text) {
  return (text.match(/\d+/g) || []).map(Number).filter((n, i, all) => all.indexOf(n) === i);
}

// A description with its citation → its words, the source's id and the paragraph numbers.
export function splitCitation(description) {
  var text = description || "";
  for (var i = 0; i < ctx.data.sources.length; i += 1) {
    var source = ctx.data.sources[i];
    var at = text.lastIndexOf(" (" + source.label + ", đoạn ");
    var rest = at >= 0 ? /^((?:đoạn \d+(?:, )?)+)\)\.?$/.exec(text.slice(at + source.label.length + 4)) : null;
    if (rest) return { text: text.slice(0, at), source: source.id, paragraphs: numbersIn(rest[1]).join(", ") };
  }
  return { text: text, source: "", paragraphs: "" };
}

export function withCitation(text, sourceId, paragraphs) {
  var numbers = numbersIn(paragraphs || "");
  if (!text || !ctx.sources[sourceId] || !numbers.length) return text;
  return text.replace(/\s*\.$/, "") + " " + citation(sourceId, numbers) + ".";
}

function paragraphText(source, n) {
  var found = source.paragraphs.filter((p) => p[0] === n)[0];
  return found ? found[3] : null;
}

// The paragraphs where the entity's name is written: what the editor may cite.
function namedIn(source, name) {
  var needle = collapse(name || "").toLowerCase();
  if (!needle) return [];
  return source.collapsed.filter((p) => p[1].toLowerCase().indexOf(needle) >= 0).map((p) => p[0]);
}

// The source and paragraph fields, after the description's field in the panel `box`.
export function sourceFields(box, path, readName) {
  var group = el("fieldset", { class: "kb-field kb-group kb-new-entity__source", "data-field": "entity_source" }, [
    el("legend", {}, ["Nguồn nói về đối tác", el("span", { class: "kb-required", text: " (bắt buộc)" })]),
    el("p", {
      class: "kb-hint",
      text: "Bài viết và số đoạn nói tới đối tác; biểu mẫu ghi chúng vào cuối phần giới thiệu, như các đối tác đã có: “(tên nguồn, đoạn 8)”.",
    }),
  ]);
  var selectId = newId("entity-source");
  var select = sourceSelect(selectId, "");
  var numbersId = newId("entity-paragraphs");
  var numbers = el("input", { id: numbersId, type: "text", inputmode: "numeric", autocomplete: "off" });
  var sourceBox = el("div", { class: "kb-field", "data-field": "source" }, [el("label", { for: selectId, text: "Nguồn" }), select]);
  var numbersBox = el("div", { class: "kb-field", "data-field": "paragraphs" }, [
    el("label", { for: numbersId, text: "Đoạn (số đoạn; nhiều đoạn thì cách nhau bằng dấu phẩy: 8, 10)" }),
    numbers,
  ]);
  var shown = el("div", { class: "kb-hint kb-new-entity__paragraphs", "aria-live": "polite" });
  group.appendChild(sourceBox);
  group.appendChild(numbersBox);
  group.appendChild(shown);
  var description = box.querySelector("[data-field=description]");
  if (description) description.after(group);
  else box.appendChild(group);
  slot(path + ".source", select, sourceBox);
  slot(path + ".paragraphs", numbers, numbersBox);
  select.addEventListener("change", touch(path + ".source"));
  numbers.addEventListener("input", touch(path + ".paragraphs"));
  function showParagraphs() {
    shown.textContent = "";
    var source = ctx.sources[select.value];
    if (!source) return;
    var wanted = numbersIn(numbers.value);
    if (!wanted.length) {
      var named = namedIn(source, readName());
      if (named.length) shown.appendChild(el("p", { text: "Tên “" + readName() + "” có ở đoạn " + named.join(", ") + " của nguồn này." }));
    }
    wanted.forEach(function (n) {
      var text = paragraphText(source, n);
      if (text !== null) shown.appendChild(el("p", {}, [el("strong", { text: "Đoạn " + n + ": " }), text]));
    });
  }
  select.addEventListener("change", showParagraphs);
  numbers.addEventListener("input", showParagraphs);
  return {
    read: () => ({ source: select.value, paragraphs: numbers.value }),
    write: function (value) {
      select.value = value.source || "";
      numbers.value = value.paragraphs || "";
      showParagraphs();
    },
  };
}

// What the panel still needs before its file is written: a description, a source and
// paragraphs the source has.
export function sourceProblems(index, text, chosen) {
  var path = ["entity", index];
  var problems = [];
  function add(key, message) {
    problems.push({ path: path.concat(key), message: message });
  }
  if (!text) add("description", "thiếu “" + (ctx.labels.description || "description") + "”: viết ngắn gọn, bằng lời của bạn, điều bài viết nói về đối tác");
  var source = ctx.sources[chosen.source];
  if (!source) {
    add("source", "chưa chọn nguồn nói về đối tác: chọn bài viết nói tới đối tác, rồi ghi số đoạn");
    return problems;
  }
  var wanted = numbersIn(chosen.paragraphs || "");
  if (!wanted.length) add("paragraphs", "ghi số đoạn của nguồn “" + source.label + "” nói tới đối tác (ví dụ 8, hoặc 8, 10)");
  var numbers = source.paragraphs.map((p) => p[0]);
  wanted.forEach(function (n) {
    if (numbers.indexOf(n) < 0) {
      add("paragraphs", "nguồn “" + source.label + "” không có đoạn " + n + " (các đoạn từ " + numbers[0] + " đến " + numbers[numbers.length - 1] + ")");
    }
  });
  return problems;
}
