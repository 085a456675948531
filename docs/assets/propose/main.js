// The "Đề xuất bản ghi" form (de-xuat/): an editor proposes a record, or corrects one, and
// ends on GitHub with the YAML written for them. No server of ours: everything happens in
// the browser, from one JSON file the build writes next to the page
// (scripts/defence_kb/propose.py).
//
// The form is built from the JSON Schema of the chosen record type (record_form.js); the
// checks mirror the validator (validate/) with its messages word for word (checks.js); the YAML is the
// canonical form `make fix` writes (canonical_yaml.js, key_order.js); the preview words
// dates as wording.py does (wording.js). This module lays the form out and runs the
// update loop: read the fields, check, preview, offer the ways to send.

import { el, newId } from "./dom.js";
import { slugify } from "./text.js";
import { pad } from "./dates.js";
import { toYaml } from "./canonical_yaml.js";
import { orderKeys } from "./key_order.js";
import { ctx, discardDraft, loadData, readDraft, saveDraft } from "./state.js";
import { buildFields, collect } from "./record_form.js";
import { addNewEntity, newEntityProblems } from "./entities.js";
import { check } from "./checks.js";
import { HTML_TAG } from "./html_tags.js";
import { showProblems } from "./problems.js";
import { renderDuplicates } from "./duplicates.js";
import { annotateEvidence, renderPage } from "./preview.js";
import { URL_LIMIT, currentFile, newFileUrl, renderSend } from "./send.js";
import { renderGithubSend } from "./github_send.js";
import { newSource, renderSourceStep, restoreSource, sourceDraft } from "./source_form.js";
import { sourceFile } from "./new_source.js";

var mount = document.getElementById("kb-propose");

function section(className, titleId, title) {
  return el("section", { class: className, "aria-labelledby": titleId }, [el("h2", { id: titleId, text: title })]);
}

// Record type: radio buttons, one per type (a correction keeps its own).
function typeChoice() {
  var typeBox = el("fieldset", { class: "kb-propose__types" }, [el("legend", { text: "Loại bản ghi" })]);
  ctx.data.types.forEach(function (type) {
    var id = newId("type-" + type.folder);
    var input = el("input", {
      type: "radio",
      name: "kb-type",
      id: id,
      value: type.folder,
      checked: type.folder === ctx.state.type,
      disabled: ctx.editing && type.folder !== ctx.state.type,
    });
    input.addEventListener("change", function () {
      var kept = collect();
      ctx.state.type = type.folder;
      buildFields(kept);
      update();
    });
    typeBox.appendChild(el("span", { class: "kb-propose__type" }, [input, el("label", { for: id, text: type.label_plural })]));
  });
  return typeBox;
}

function editingNote() {
  return el("p", { class: "kb-propose__note" }, [
    "Bạn đang sửa bản ghi “" + ctx.editing.data.title + "” (tệp ",
    el("code", { text: ctx.editing.path }),
    "). Biểu mẫu đã điền sẵn nội dung hiện có; sửa những gì cần sửa.",
  ]);
}

function checkSection(ui) {
  var box = section("kb-propose__check", "kb-check-title", "Kiểm tra");
  ui.status = el("p", { class: "kb-propose__status", role: "status", "aria-live": "polite" });
  ui.problemList = el("ul", { class: "kb-propose__problems" });
  ui.duplicates = el("div", { class: "kb-propose__note kb-propose__duplicates", role: "region", "aria-label": "Bản ghi gần giống", hidden: true });
  box.appendChild(ui.status);
  box.appendChild(ui.problemList);
  box.appendChild(ui.duplicates);
  return box;
}

function previewSection(ui) {
  var box = section("kb-propose__preview", "kb-preview-title", "Xem trước");
  ui.pagePreview = el("div", { class: "kb-propose__page", "aria-label": "Trang của bản ghi (xem trước)", role: "region" });
  // Material scrolls the code element, not the pre: that is what takes the focus.
  var yamlPreview = el("pre", { class: "kb-propose__yaml" });
  ui.yamlCode = el("code", { tabindex: "0", "aria-label": "Tệp YAML (xem trước)" });
  yamlPreview.appendChild(ui.yamlCode);
  box.appendChild(el("h3", { text: "Trang của bản ghi" }));
  box.appendChild(ui.pagePreview);
  box.appendChild(el("h3", { text: "Tệp YAML" }));
  box.appendChild(yamlPreview);
  return box;
}

function layout() {
  var ui = ctx.ui;
  mount.textContent = "";
  ui.form = el("form", { class: "kb-propose__form", novalidate: true, "aria-label": "Đề xuất bản ghi" });
  ui.form.addEventListener("submit", (event) => event.preventDefault());
  mount.appendChild(ui.form);
  if (ctx.editing) ui.form.appendChild(editingNote());
  ui.form.appendChild(typeChoice());
  if (!ctx.editing) renderSourceStep(ui.form);
  ui.fieldsBox = el("div", { class: "kb-propose__fields" });
  ui.form.appendChild(ui.fieldsBox);
  ui.entitiesBox = section("kb-propose__new-entities", "kb-new-entities-title", "Đối tác mới");
  ui.entitiesBox.hidden = true;
  ui.entitiesBox.appendChild(
    el("p", {
      class: "kb-hint",
      text: "Đối tác chưa có trong cơ sở dữ liệu được đề xuất cùng bản ghi, thành một tệp thứ hai trong data/entities/.",
    })
  );
  ui.form.appendChild(ui.entitiesBox);
  ui.form.appendChild(checkSection(ui));
  ui.form.appendChild(previewSection(ui));
  var sendBox = section("kb-propose__send", "kb-send-title", ctx.editing ? "Gửi bản sửa" : "Gửi đề xuất");
  ui.sendBody = el("div", {});
  sendBox.appendChild(ui.sendBody);
  // The token way is drawn once (not on every update): its steps stay while the editor reads.
  ui.githubBox = el("div", { class: "kb-github" });
  sendBox.appendChild(ui.githubBox);
  ui.form.appendChild(sendBox);
}

// ---------------------------------------------------------------- update loop

var timer = null;
var last = { yaml: "", entities: [] };

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 120);
}

// Nothing of a record filled in beside a new source: the source is proposed alone.
function isEmpty(record, entityData) {
  return !entityData.length && !Object.keys(record).some((name) => name !== "themes" && name !== "kind");
}

function update() {
  var added = ctx.editing ? { file: null, problems: [] } : newSource(); // first: quotes may cite it
  var record = collect();
  var entityData = ctx.newEntities.map((entity) => entity.read());
  var yaml = toYaml(record);
  saveDraft(record, entityData, !ctx.editing || yaml !== currentFile(), ctx.editing ? null : sourceDraft());
  var alone = Boolean(added.file) && isEmpty(record, entityData);
  var problems = added.problems.concat(alone ? [] : check(record, entityData).concat(newEntityProblems()));
  showProblems(problems);
  if (alone && !problems.length) ctx.ui.status.textContent = "Không có lỗi: nguồn mới sẵn sàng để gửi (một mình, không kèm bản ghi).";
  renderDuplicates(ctx.ui.duplicates, record);
  ctx.ui.yamlCode.textContent = yaml;
  var entityFiles = entityData.map(function (entity, index) {
    return { id: entity.id || "doi-tac-moi-" + (index + 1), name: entity.name || "", yaml: toYaml(entity) };
  });
  last = { record: record, yaml: yaml, entities: entityFiles, problems: problems, source: added.file, sourceAlone: alone };
  renderPage(record);
  annotateEvidence();
  renderSend(last);
}

function restoreDraft(draft, note) {
  ctx.state.type = draft.type;
  ctx.ui.form.querySelector("input[name=kb-type][value=" + draft.type + "]").checked = true;
  restoreSource(draft.source);
  if (draft.source) newSource(); // its id is among the sources before a quote names it
  buildFields(draft.record);
  (draft.entities || []).forEach(addNewEntity);
  note.remove();
  update();
  ctx.ui.form.querySelector(".kb-propose__fields input, .kb-propose__fields textarea").focus();
}

function offerDraft() {
  var draft = readDraft();
  if (!draft) return;
  var saved = new Date(draft.saved);
  var note = el("div", { class: "kb-propose__note kb-propose__draft", role: "region", "aria-label": "Bản nháp" }, [
    el("p", {
      text:
        (ctx.editing ? "Trình duyệt này còn giữ một bản sửa chưa gửi của bản ghi này (“" : "Trình duyệt này còn giữ một đề xuất chưa gửi (“") +
        (draft.record.title || (draft.source ? "một nguồn mới" : "chưa có tiêu đề")) + "”, lưu lúc " +
        pad(saved.getHours()) + ":" + pad(saved.getMinutes()) + " ngày " + saved.getDate() + "/" + (saved.getMonth() + 1) + ").",
    }),
  ]);
  var restore = el("button", { type: "button", class: "md-button md-button--primary", text: "Tiếp tục bản nháp" });
  var discard = el("button", { type: "button", class: "md-button", text: "Bỏ bản nháp" });
  restore.addEventListener("click", () => restoreDraft(draft, note));
  discard.addEventListener("click", function () {
    discardDraft();
    note.remove();
  });
  note.appendChild(el("p", {}, [restore, " ", discard]));
  ctx.ui.form.insertBefore(note, ctx.ui.form.firstChild);
}

function start(data) {
  var params = new URL(window.location.href).searchParams;
  loadData(data, params);
  ctx.schedule = schedule;
  ctx.update = update;
  layout();
  ctx.ui.form.addEventListener("input", schedule);
  ctx.ui.form.addEventListener("change", schedule);
  buildFields(ctx.editing ? ctx.editing.data : params.get("chu-de") ? { themes: [params.get("chu-de")] } : null);
  update();
  renderGithubSend(ctx.ui.githubBox, () => last);
  offerDraft();
  window.kbPropose = {
    slugify: slugify,
    toYaml: toYaml,
    sourceFile: sourceFile,
    orderKeys: orderKeys,
    newFileUrl: newFileUrl,
    URL_LIMIT: URL_LIMIT,
    htmlTag: (text) => (HTML_TAG.exec(text) || [null])[0],
    current: function () {
      return last;
    },
  };
}

if (mount) {
  fetch(new URL(mount.dataset.formData, window.location.href))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      mount.textContent = "Không tải được dữ liệu của biểu mẫu (" + error.message + "). Tải lại trang để thử lại.";
    });
}
