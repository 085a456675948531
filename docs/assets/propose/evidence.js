// Evidence: quotes, each with its source, picked from the source's paragraphs (picker.js)
// or typed by hand; and the field naming one source.

import { el, newId } from "./dom.js";
import { nfc, strip } from "./text.js";
import { ctx } from "./state.js";
import { fieldFrame, slot, touch } from "./fields.js";
import { picker } from "./picker.js";

function fillOptions(select, value) {
  select.textContent = "";
  select.appendChild(el("option", { value: "", text: "— chọn nguồn —" }));
  ctx.data.sources.forEach(function (source) {
    select.appendChild(el("option", { value: source.id, text: source.label }));
  });
  select.value = value || "";
}

export function sourceSelect(id, value) {
  var select = el("select", { id: id, class: "kb-source-select" });
  fillOptions(select, value);
  return select;
}

// A source added in the form ("Thêm nguồn", source_form.js) joins every source choice; a
// choice of it follows it when its id changes, and a picker showing it shows it again.
export function refreshSourceSelects(old, now, changed) {
  document.querySelectorAll("select.kb-source-select").forEach(function (select) {
    var value = select.value && select.value === old ? now || "" : select.value;
    fillOptions(select, value);
    if (changed && value && value === now && select.closest(".kb-picker")) {
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
}

export function sourceWidget(name, path, required, description, container) {
  var control = sourceSelect(newId(name), "");
  var box = fieldFrame(name, required, description, control, container);
  slot(path, control, box);
  control.addEventListener("change", touch(path));
  return {
    control: control,
    read: function () {
      return control.value || undefined;
    },
    write: function (value) {
      control.value = value || "";
    },
  };
}

// One quote: its source and its words, with where it was found under it.
function addRow(list, value) {
  var index = list.rows.length;
  var path = list.path;
  var li = el("li", { class: "kb-evidence__item" });
  var sourceId = newId("source");
  var quoteId = newId("quote");
  var select = sourceSelect(sourceId, value && value.source);
  var quote = el("textarea", { id: quoteId, rows: "3" });
  quote.value = (value && value.quote) || "";
  var where = el("p", { class: "kb-hint kb-evidence__where", id: newId("where") });
  quote.setAttribute("aria-describedby", where.id);
  var remove = el("button", { type: "button", class: "md-button kb-remove", text: "Xóa trích dẫn " + (index + 1) });
  li.appendChild(el("div", { class: "kb-field" }, [el("label", { for: sourceId, text: "Nguồn" }), select]));
  var quoteBox = el("div", { class: "kb-field" }, [el("label", { for: quoteId, text: "Trích dẫn nguyên văn" }), quote, where]);
  li.appendChild(quoteBox);
  li.appendChild(remove);
  list.items.appendChild(li);
  slot(path + "." + index + ".source", select, li.firstChild);
  slot(path + "." + index + ".quote", quote, quoteBox);
  var row = { select: select, quote: quote, where: where };
  [select, quote].forEach(function (control) {
    control.addEventListener("input", touch(path + "." + index + ".quote"));
    control.addEventListener("change", touch(path + "." + index + ".quote"));
  });
  remove.addEventListener("click", function () {
    writeRows(
      list,
      readRows(list).filter((_, i) => i !== index)
    );
    ctx.schedule();
  });
  list.rows.push(row);
  return row;
}

function readRows(list) {
  return list.rows.map(function (row) {
    var value = {};
    if (row.select.value) value.source = row.select.value;
    var quote = strip(nfc(row.quote.value).replace(/\s*\n\s*/g, " "));
    if (quote) value.quote = quote;
    return value;
  });
}

function writeRows(list, values) {
  list.items.textContent = "";
  list.rows = [];
  Object.keys(ctx.slots).forEach(function (key) {
    if (key.indexOf(list.path + ".") === 0) delete ctx.slots[key];
  });
  (values || []).forEach((value) => addRow(list, value));
}

// A picked quote fills the first empty row, or a new one; its number is returned.
function usePicked(list, source, quote) {
  var empty = list.rows.filter(function (row) {
    return !strip(row.quote.value);
  })[0];
  var row = empty || addRow(list, null);
  row.select.value = source;
  row.quote.value = quote;
  ctx.state.touched[list.path] = true;
  ctx.schedule();
  return list.rows.indexOf(row) + 1;
}

export function evidenceWidget(name, path, required, description, container) {
  var box = el("fieldset", { class: "kb-field kb-evidence", "data-field": name }, [
    el("legend", {}, [ctx.labels[name], required ? el("span", { class: "kb-required", text: " (bắt buộc)" }) : null]),
  ]);
  if (description) box.appendChild(el("p", { class: "kb-hint", text: description }));
  var list = { path: path, items: el("ol", { class: "kb-evidence__items" }), rows: [] };
  box.appendChild(list.items);
  container.appendChild(box);
  slot(path, null, box);
  var manual = el("button", { type: "button", class: "md-button", text: "Thêm trích dẫn gõ tay" });
  manual.addEventListener("click", function () {
    addRow(list, null).quote.focus();
    ctx.schedule();
  });
  box.appendChild(picker((source, quote) => usePicked(list, source, quote)));
  box.appendChild(manual);
  return {
    read: function () {
      var values = readRows(list).filter((value) => Object.keys(value).length);
      return values.length ? values : undefined;
    },
    write: (values) => writeRows(list, values),
    rows: function () {
      return list.rows;
    },
  };
}
