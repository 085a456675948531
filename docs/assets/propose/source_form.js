// The "Thêm nguồn" step: the editor pastes an article, fills in what is known of it, and
// confirms or changes the kind proposed for each paragraph; new_source.js turns it into the
// source file `make source` writes. The new source joins the sources of the form at once:
// its paragraphs are in the evidence picker, quotes from it are checked, and its file goes
// with the proposal (with the record, or alone when no record is filled in).

import { el, newId } from "./dom.js";
import { SLUG } from "./text.js";
import { fromVietnamese, parseDate } from "./dates.js";
import { ctx } from "./state.js";
import { slot, touch } from "./fields.js";
import { refreshSourceSelects } from "./evidence.js";
import { HTML_TAG, htmlTagMessage } from "./html_tags.js";
import { proposeKinds, sourceFile, splitParagraphs } from "./new_source.js";

// The metadata `make source` asks for (new_source.create_source), with the form's labels.
var FIELDS = [
  ["title", "Nhan đề bài", "Đúng như bài đăng. Bỏ trống nếu không rõ: nếu đoạn 1 là tiêu đề, nhan đề lấy từ đoạn 1."],
  ["publisher", "Cơ quan đăng bài", "Ví dụ: Báo Quân đội nhân dân. Bỏ trống nếu không rõ."],
  ["published", "Ngày đăng", "Ví dụ 17/10/2019, 10/2019 hoặc 2019. Bỏ trống nếu không rõ."],
  ["url", "Địa chỉ URL của bài", "Bắt đầu bằng https://. Bỏ trống nếu không rõ."],
  ["id", "Mã nguồn", "Chữ thường không dấu, số và gạch nối; bỏ trống để lấy từ nhan đề."],
  ["capture_file", "Tên tệp bản chụp", "Tên tệp văn bản của bài; bỏ trống để đặt theo mã nguồn."],
];
export var SOURCE_LABELS = { text: "Toàn văn bài viết" };
FIELDS.forEach((field) => (SOURCE_LABELS[field[0]] = field[1]));

var step = { controls: {}, chosen: {}, proposals: [], list: null, yamlCode: null, previous: null };

function labelled(name, control, hint, container) {
  var hintId = newId("hint");
  var box = el("div", { class: "kb-field", "data-field": "source-" + name }, [
    el("label", { for: control.id, text: SOURCE_LABELS[name] }),
    el("p", { class: "kb-hint", id: hintId, text: hint }),
    control,
  ]);
  control.setAttribute("aria-describedby", hintId);
  container.appendChild(box);
  slot("new_source." + name, control, box);
  control.addEventListener("input", touch("new_source." + name));
  return box;
}

function kindSelect(p, proposed) {
  var id = newId("kind-" + p.n);
  var select = el("select", { id: id, class: "kb-new-source__kind" });
  ctx.data.paragraph_kinds.forEach(function (kind) {
    select.appendChild(el("option", { value: kind.value, text: kind.label + " (" + kind.value + ")" }));
  });
  select.value = step.chosen[p.n] && step.chosen[p.n].text === p.text ? step.chosen[p.n].kind : p.kind;
  var label = el("label", { for: id, text: "Loại của đoạn " + p.n });
  var hint = el("p", { class: "kb-hint", id: newId("proposed"), text: "Đề xuất: " + proposed + " (" + p.reason + ")." });
  select.setAttribute("aria-describedby", hint.id);
  select.addEventListener("change", function () {
    step.chosen[p.n] = { text: p.text, kind: select.value };
    ctx.schedule();
  });
  return el("div", { class: "kb-field kb-new-source__choice" }, [label, select, hint]);
}

// One item per paragraph: its number, its text, and the kind to confirm or change.
function renderParagraphs() {
  step.proposals = proposeKinds(splitParagraphs(step.controls.text.value));
  step.list.textContent = "";
  step.list.hidden = !step.proposals.length;
  step.proposals.forEach(function (p) {
    var proposed = ctx.data.paragraph_kinds.filter((kind) => kind.value === p.kind)[0].label;
    step.list.appendChild(
      el("li", { class: "kb-new-source__paragraph", "data-n": p.n }, [
        el("p", { class: "kb-new-source__text" }, [el("strong", { text: "Đoạn " + p.n + ". " }), p.text]),
        kindSelect(p, proposed),
      ])
    );
  });
}

export function renderSourceStep(container) {
  var box = el("details", { class: "kb-propose__new-source" }, [
    el("summary", { text: "Thêm nguồn: một bài viết chưa có trong cơ sở dữ liệu" }),
    el("p", {
      class: "kb-hint",
      text:
        "Dán toàn văn bài, điền những gì biết về bài; biểu mẫu đánh số đoạn và đề xuất loại của từng đoạn để bạn xác nhận. " +
        "Nguồn mới có ngay trong ô chọn nguồn của phần bằng chứng. Để chỉ thêm nguồn, bỏ trống các trường của bản ghi.",
    }),
  ]);
  var textId = newId("source-text");
  step.controls.text = el("textarea", { id: textId, rows: "8", spellcheck: "false" });
  labelled("text", step.controls.text, "Mỗi đoạn cách nhau một dòng trống (hoặc mỗi dòng một đoạn).", box);
  step.controls.text.addEventListener("input", renderParagraphs);
  FIELDS.forEach(function (field) {
    var control = el("input", { id: newId("source-" + field[0]), type: "text", autocomplete: "off" });
    if (field[0] === "url") control.setAttribute("inputmode", "url");
    step.controls[field[0]] = control;
    labelled(field[0], control, field[2], box);
  });
  box.appendChild(el("h3", { text: "Các đoạn và loại đoạn" }));
  step.list = el("ol", { class: "kb-new-source__paragraphs", hidden: true });
  box.appendChild(step.list);
  box.appendChild(el("h3", { text: "Tệp nguồn (xem trước)" }));
  step.yamlCode = el("code", { tabindex: "0", "aria-label": "Tệp nguồn YAML (xem trước)" });
  box.appendChild(el("pre", { class: "kb-propose__yaml" }, [step.yamlCode]));
  container.appendChild(box);
  step.box = box;
  return box;
}

// What the editor typed, as new_source.source_file takes it.
function readMeta() {
  var meta = {};
  FIELDS.forEach((field) => (meta[field[0]] = step.controls[field[0]].value));
  meta.published = fromVietnamese(meta.published);
  return meta;
}

function metaProblems(meta, add) {
  if (meta.published.trim()) {
    try {
      parseDate(meta.published);
    } catch (error) {
      add("published", error.message);
    }
  }
  var url = meta.url.trim();
  if (url && !/^https?:\/\/\S+$/.test(url)) add("url", "URL “" + url + "” phải bắt đầu bằng https://");
  var id = meta.id.trim();
  if (id && !SLUG.test(id)) add("id", "ID “" + id + "” chỉ gồm chữ thường không dấu, số và gạch nối");
}

// validate/rules/html_tags.py refuses HTML in a source's text too: said before it is sent.
function htmlProblems(meta, made, add) {
  ["title", "publisher"].forEach(function (name) {
    var tag = HTML_TAG.exec(meta[name] || "");
    if (tag) add(name, htmlTagMessage(SOURCE_LABELS[name], tag[0]));
  });
  var paragraph = made.proposals.filter((p) => HTML_TAG.test(p.text))[0];
  if (paragraph) add("text", htmlTagMessage(SOURCE_LABELS.text + " › đoạn " + paragraph.n, HTML_TAG.exec(paragraph.text)[0]));
}

// The new source as the form's other parts know a source (state.js's ctx.sources); redrawn
// in the source choices only when it changed.
function register(made) {
  var signature = made ? JSON.stringify([made.id, made.data.label, made.data.published, made.proposals]) : "";
  if (signature === step.signature) return;
  step.signature = signature;
  var old = step.previous;
  ctx.data.sources = ctx.data.sources.filter((source) => !source.isNew);
  delete ctx.sources[old];
  ctx.sourceTexts = ctx.sourceTexts.filter((pair) => pair[0] !== old);
  step.previous = made ? made.id : null;
  if (made) {
    var source = asSource(made);
    ctx.data.sources.push(source);
    ctx.sources[source.id] = source;
    ctx.sourceTexts.push([source.id, source.paragraphs.map((p) => p[3]).join(" ").toLowerCase()]);
  }
  refreshSourceSelects(old, step.previous, true);
}

function asSource(made) {
  var labels = {};
  ctx.data.paragraph_kinds.forEach((kind) => (labels[kind.value] = kind.label));
  var published = made.data.published || null;
  try {
    if (published) parseDate(published);
  } catch (error) {
    published = null; // its problem is shown at its field; no date bounds the records meanwhile
  }
  var source = {
    id: made.id,
    isNew: true,
    label: "Nguồn mới: " + made.data.label,
    published: published,
    published_kind: "ngày đăng bài",
    published_by_reposting_page: false,
    paragraphs: made.proposals.map((p) => [p.n, p.kind, labels[p.kind], p.text]),
  };
  source.collapsed = source.paragraphs.map((p) => [p[0], p[3]]);
  return source;
}

// {file, problems}: the source file to send (null when nothing is pasted) and what to fix.
export function newSource() {
  var problems = [];
  var add = (name, message) => problems.push({ path: ["new_source", name], where: "Nguồn mới: " + SOURCE_LABELS[name], message: message });
  var text = step.controls.text ? step.controls.text.value : "";
  if (!text.trim()) {
    register(null);
    if (step.yamlCode) step.yamlCode.textContent = "";
    return { file: null, problems: problems };
  }
  var meta = readMeta();
  metaProblems(meta, add);
  var kinds = step.proposals.map((p) => (step.chosen[p.n] && step.chosen[p.n].text === p.text ? step.chosen[p.n].kind : p.kind));
  if (!meta.capture_file.trim()) {
    // named after the source: its id as it would be without a file name to fall back on
    meta.capture_file = sourceFile(text, Object.assign({}, meta, { capture_file: "nguon-moi.txt" }), kinds).id + ".txt";
  }
  var made = sourceFile(text, meta, kinds);
  htmlProblems(meta, made, add);
  var existing = ctx.sources[made.id] && !ctx.sources[made.id].isNew ? ctx.sources[made.id] : null;
  if (existing) add("id", "đã có nguồn mã “" + made.id + "” (“" + existing.label + "”): đặt mã khác hoặc dùng nguồn đã có");
  register(existing ? null : made);
  step.yamlCode.textContent = made.yaml;
  var file = { id: made.id, label: made.data.label, path: "data/sources/" + made.id + ".yml", yaml: made.yaml };
  return { file: file, problems: problems };
}

// ---------------------------------------------------------------- the draft
// The step is part of the proposal kept in this browser (state.js): the text, what was
// filled in and the kinds the editor chose.

export function sourceDraft() {
  if (!step.controls.text || !step.controls.text.value.trim()) return null;
  var fields = {};
  FIELDS.forEach((field) => (fields[field[0]] = step.controls[field[0]].value));
  return { text: step.controls.text.value, fields: fields, chosen: step.chosen };
}

export function restoreSource(draft) {
  if (!draft || !step.controls.text) return;
  step.controls.text.value = draft.text;
  FIELDS.forEach((field) => (step.controls[field[0]].value = (draft.fields || {})[field[0]] || ""));
  step.chosen = draft.chosen || {};
  step.box.open = true;
  renderParagraphs();
}
