// "Tài liệu tham khảo": published material other than the source articles that a value of
// the record rests on (schema/reference.py). The editor adds, edits or removes one: its
// address, title, publisher, dates, which of the record's fields it supports with the value
// it gives, and a note in the editor's own words. A correction gives the file's references
// back unchanged until they are edited. The checks are reference_checks.js.

import { el, newId } from "./dom.js";
import { nfc, slugify, strip } from "./text.js";
import { fromVietnamese, pad } from "./dates.js";
import { ctx, currentSchema } from "./state.js";
import { slot, textWidget, touch } from "./fields.js";
import { NOT_SUPPORTABLE, UNKNOWN_DATE } from "./reference_checks.js";

var KEYS = ["id", "url", "title", "publisher", "published", "accessed", "supports", "note"];

function today() {
  var now = new Date();
  return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
}

function describe(key) {
  return ctx.data.types[0].schema.$defs.Reference.properties[key].description;
}

// The fields a reference may support: the record's own, by their labels.
function supportable() {
  return Object.keys(currentSchema().properties).filter((name) => NOT_SUPPORTABLE.indexOf(name) < 0);
}

// A supported value as the editor types it: a date span "2021-03 – 2021-04", anything else as text.
function shown(value) {
  if (value && typeof value === "object" && !Array.isArray(value) && "start" in value) {
    return value.start + " – " + (value.end || "");
  }
  return value === undefined || value === null ? "" : String(value);
}

function readValue(field, text) {
  var value = strip(nfc(text));
  if (!value) return undefined;
  if (field !== "date" && field !== "not_before" && field !== "not_after") return value;
  var span = value.split(/\s+[–-]\s+|\s*–\s*/);
  if (span.length === 2) return span[1] ? { start: fromVietnamese(span[0]), end: fromVietnamese(span[1]) } : { start: fromVietnamese(span[0]) };
  return fromVietnamese(value);
}

// The record's current value of a field, as a reference would give it.
function recordValue(field) {
  var widget = ctx.widgets.filter((w) => w.name === field)[0];
  var value = widget ? widget.read() : undefined;
  return typeof value === "object" && !(value && "start" in value) ? undefined : value;
}

// One value the reference gives: a field of the record and the value.
function supportRow(list, path, field, value) {
  var selectId = newId("supports-field");
  var valueId = newId("supports-value");
  var select = el("select", { id: selectId }, [el("option", { value: "", text: "— chọn trường —" })]);
  supportable().forEach((name) => select.appendChild(el("option", { value: name, text: ctx.labels[name] || name })));
  select.value = field || "";
  var kept = value && typeof value === "object" && !("start" in value) ? value : undefined;
  var input = el("input", { id: valueId, type: "text", autocomplete: "off", disabled: kept !== undefined });
  input.value = kept ? "(giữ nguyên như tệp; sửa trong tệp YAML)" : shown(value);
  var remove = el("button", { type: "button", class: "md-button kb-remove", text: "Bỏ giá trị này" });
  var row = el("div", { class: "kb-reference__support" }, [
    el("span", { class: "kb-field" }, [el("label", { for: selectId, text: "Trường của bản ghi" }), select]),
    el("span", { class: "kb-field" }, [el("label", { for: valueId, text: "Giá trị tài liệu nêu" }), input]),
    remove,
  ]);
  list.appendChild(row);
  select.addEventListener("change", function () {
    if (!input.value && select.value) input.value = shown(recordValue(select.value));
    touch(path)();
  });
  input.addEventListener("input", touch(path));
  var entry = {
    row: row,
    read: () => [select.value, kept !== undefined ? kept : readValue(select.value, input.value)],
  };
  remove.addEventListener("click", function () {
    row.remove();
    entry.removed = true;
    ctx.schedule();
  });
  return entry;
}

function supportsPart(box, path, value) {
  var group = el("fieldset", { class: "kb-field kb-group", "data-field": "supports" }, [
    el("legend", {}, [ctx.labels.supports, el("span", { class: "kb-required", text: " (bắt buộc)" })]),
    el("p", { class: "kb-hint", text: "Trường nào của bản ghi dựa vào tài liệu, và giá trị đúng như tài liệu nêu (ngày: 26/05/2015 hoặc 2015-05-26)." }),
  ]);
  var list = el("div", {});
  var add = el("button", { type: "button", class: "md-button", text: "Thêm giá trị dựa vào tài liệu" });
  group.appendChild(list);
  group.appendChild(add);
  box.appendChild(group);
  slot(path, null, group);
  var rows = [];
  var given = value && Object.keys(value).length ? value : { "": undefined };
  Object.keys(given).forEach((field) => rows.push(supportRow(list, path, field, given[field])));
  add.addEventListener("click", function () {
    rows.push(supportRow(list, path, "", undefined));
    ctx.schedule();
  });
  return function read() {
    var out = {};
    rows.filter((row) => !row.removed).forEach(function (row) {
      var pair = row.read();
      if (pair[0] && pair[1] !== undefined) out[pair[0]] = pair[1];
    });
    // in the order of the record's fields, as `make fix` writes them (fix/key_order.py)
    var ordered = {};
    Object.keys(currentSchema().properties).concat(Object.keys(out)).forEach(function (name) {
      if (name in out && !(name in ordered)) ordered[name] = out[name];
    });
    return Object.keys(ordered).length ? ordered : undefined;
  };
}

function publishedPart(box, path, value) {
  var widget = textWidget("published", path, true, describe("published") + " Gõ 2015, 2015-05, 2015-05-26 hoặc 26/05/2015.", box, false);
  var unknownId = newId("published-unknown");
  var unknown = el("input", { type: "checkbox", id: unknownId });
  widget.control.closest(".kb-field").appendChild(
    el("span", { class: "kb-check" }, [unknown, el("label", { for: unknownId, text: "Trang không ghi ngày đăng (“" + UNKNOWN_DATE + "”)" })])
  );
  unknown.addEventListener("change", function () {
    widget.control.disabled = unknown.checked;
    touch(path)();
  });
  unknown.checked = value === UNKNOWN_DATE;
  widget.control.disabled = unknown.checked;
  widget.write(unknown.checked ? "" : value);
  return () => (unknown.checked ? UNKNOWN_DATE : widget.read() && fromVietnamese(widget.read()));
}

// One reference: its fields in the schema's order, the note with its warning.
function referenceBox(list, path, number, value) {
  value = value || {};
  var box = el("fieldset", { class: "kb-field kb-group kb-reference", "data-field": "reference" }, [el("legend", { text: "Tài liệu " + number })]);
  list.appendChild(box);
  var parts = {};
  parts.id = textWidget("id", path + ".id", true, describe("id") + " Tự tạo từ tiêu đề; sửa được.", box, false);
  box.querySelector("[data-field=id] > label").firstChild.textContent = "Mã tài liệu";
  ["url", "title", "publisher"].forEach((key) => (parts[key] = textWidget(key, path + "." + key, true, describe(key), box, false)));
  var readPublished = publishedPart(box, path + ".published", value.published);
  parts.accessed = textWidget("accessed", path + ".accessed", true, describe("accessed") + " Mặc định là hôm nay.", box, false);
  var readSupports = supportsPart(box, path + ".supports", value.supports);
  parts.note = textWidget("note", path + ".note", false, "Bằng lời của bạn: không chép câu nào của tài liệu (chỉ lấy ngày, con số, tên và thông tin thư mục).", box, true);
  ["id", "url", "title", "publisher", "accessed", "note"].forEach((key) => parts[key].write(value[key]));
  if (!value.accessed) parts.accessed.write(today());
  var auto = !value.id;
  parts.id.control.addEventListener("input", () => (auto = false));
  parts.title.control.addEventListener("input", function () {
    if (auto) parts.id.write(slugify(parts.title.read() || "").split("-").slice(0, 8).join("-"));
  });
  parts.accessed.control.addEventListener("change", () => parts.accessed.write(fromVietnamese(parts.accessed.read() || "")));
  var remove = el("button", { type: "button", class: "md-button kb-remove", text: "Xóa tài liệu " + number });
  box.appendChild(remove);
  return {
    box: box,
    remove: remove,
    read: function () {
      var accessed = parts.accessed.read();
      var read = { published: readPublished(), supports: readSupports(), accessed: accessed && fromVietnamese(accessed) };
      var out = {};
      KEYS.forEach(function (key) {
        var item = key in read ? read[key] : parts[key].read();
        if (item !== undefined && item !== "") out[key] = item;
      });
      return out;
    },
  };
}

export function referencesWidget(name, path, container) {
  var box = el("fieldset", { class: "kb-field kb-list kb-references", "data-field": name }, [
    el("legend", { text: ctx.labels[name] || name }),
    el("p", {
      class: "kb-hint",
      text:
        "Trang đã đăng khác các bài nguồn (bộ, báo, cổng thông tin…) cho biết một giá trị của bản ghi, như ngày ký. " +
        "Chỉ lấy dữ kiện (ngày, con số, tên) và thông tin thư mục; không chép câu nào của tài liệu. " +
        "Trang bản ghi ghi “theo tài liệu tham khảo” bên cạnh giá trị ấy.",
    }),
  ]);
  var list = el("div", {});
  var add = el("button", { type: "button", class: "md-button", text: "Thêm tài liệu tham khảo" });
  box.appendChild(list);
  box.appendChild(add);
  container.appendChild(box);
  slot(path, null, box);
  var rows = [];
  function write(values) {
    list.textContent = "";
    Object.keys(ctx.slots).forEach((key) => key.indexOf(path + ".") === 0 && delete ctx.slots[key]);
    rows = [];
    (values || []).forEach(addRow);
  }
  function addRow(value) {
    var row = referenceBox(list, path + "." + rows.length, rows.length + 1, value);
    row.remove.addEventListener("click", function () {
      write(rows.filter((other) => other !== row).map((other) => other.read()));
      ctx.schedule();
    });
    rows.push(row);
    return row;
  }
  add.addEventListener("click", function () {
    addRow(null).box.querySelector("input").focus();
    ctx.schedule();
  });
  return {
    read: function () {
      var values = rows.map((row) => row.read()).filter((value) => Object.keys(value).length > 1 || value.supports);
      return values.length ? values : undefined;
    },
    write: write,
  };
}
