// The record's fields from the JSON Schema of its type: each property's shape decides
// its field; the data file adds what a schema cannot say (labels, which ids name themes,
// entities or records). `collect` reads the record back in the schema's key order.

import { el } from "./dom.js";
import { slugify } from "./text.js";
import { ctx, currentSchema } from "./state.js";
import {
  checkboxesWidget,
  dateWidget,
  defName,
  enumWidget,
  flagWidget,
  intWidget,
  linesWidget,
  listOfObjects,
  objectWidget,
  textWidget,
  unwrap,
} from "./fields.js";
import { choiceWidget } from "./combobox.js";
import { evidenceWidget, sourceWidget } from "./evidence.js";
import { createEntity, entityChoices } from "./entities.js";
import { referencesWidget } from "./references.js";

export function makeWidget(name, path, property, required, container, schema) {
  var description = property.description;
  var refs = schema === ctx.data.entity_schema ? { part_of: "entity", country: "entity" } : ctx.types[ctx.state.type].references;
  var ref = defName(property);
  if (name === "id") return textWidget(name, path, required, description, container, false);
  if (name === "source") return sourceWidget(name, path, required, description, container);
  if (ref && schema.$defs[ref].enum) {
    return enumWidget(name, path, required, description, container, ctx.data.vocabularies[ref], property.default);
  }
  if (ref === "Figure") return objectWidget(name, path, schema.$defs.Figure, container, ctx.labels[name]);
  if (ref === "DateBound") return objectWidget(name, path, schema.$defs.DateBound, container, ctx.labels[name]);
  if (ref === "Rotation") return objectWidget(name, path, schema.$defs.Rotation, container, ctx.labels[name]);
  if (property.oneOf) return dateWidget(name, path, required, description, container);
  if (property.type === "array") {
    var items = property.items || {};
    if (items.const) return flagWidget(name, path, container, items.const);
    if (items.$ref === "#/$defs/Evidence") return evidenceWidget(name, path, required, description, container);
    if (items.$ref === "#/$defs/Figure") return listOfObjects(name, path, schema.$defs.Figure, container, "Số liệu", "Thêm số liệu");
    if (items.$ref === "#/$defs/Role") return listOfObjects(name, path, schema.$defs.Role, container, "Chức vụ", "Thêm chức vụ");
    if (items.$ref === "#/$defs/Reference") return referencesWidget(name, path, container);
    if (items.pattern && items.pattern.indexOf("a-z0-9") >= 0) {
      if (refs[name] === "theme") {
        return checkboxesWidget(name, path, required, description, container, ctx.data.themes.map((t) => ({ id: t.id, label: t.title })));
      }
      if (refs[name] === "record") {
        return choiceWidget(name, path, required, description, container, { choices: recordChoices });
      }
      return choiceWidget(name, path, required, description, container, { choices: entityChoices, create: createEntity });
    }
    return linesWidget(name, path, required, description, container);
  }
  if (property.type === "integer") return intWidget(name, path, required, description, container);
  if (property.type === "string" && property.pattern && property.pattern.indexOf("a-z0-9") >= 0) {
    return choiceWidget(name, path, required, description, container, { choices: entityChoices, create: createEntity, single: true });
  }
  if (property.type === "string" && property.pattern && property.pattern.indexOf("XXXX") >= 0) {
    return textWidget(name, path, required, description + " Ví dụ: XXXX-09-28.", container, false);
  }
  if (property.type === "string" && property.format !== undefined) return textWidget(name, path, required, description, container, false);
  return textWidget(name, path, required, description, container, ctx.data.long_text.indexOf(name) >= 0);
}

function recordChoices() {
  return ctx.data.records
    .filter((record) => !ctx.editing || record.data.id !== ctx.editing.data.id)
    .map(function (record) {
      return {
        id: record.data.id,
        label: record.data.title,
        detail: "(" + ctx.types[record.folder].label + ")",
        search: record.data.summary || "",
      };
    });
}

var idWidget = null;
var idAuto = true;

export function buildFields(values) {
  // New entities opened next to a field of the old layout keep their place below the form.
  ctx.ui.fieldsBox.querySelectorAll(".kb-new-entity").forEach(function (box) {
    ctx.ui.entitiesBox.appendChild(box);
    ctx.ui.entitiesBox.hidden = false;
  });
  ctx.ui.fieldsBox.textContent = "";
  ctx.widgets = [];
  Object.keys(ctx.slots).forEach(function (key) {
    if (key.indexOf("entity.") !== 0 && key.indexOf("new_source.") !== 0) delete ctx.slots[key];
  });
  var schema = currentSchema();
  var main = el("div", { class: "kb-propose__main" });
  var more = el("details", { class: "kb-propose__more" }, [el("summary", { text: "Trường khác (ít dùng): tên tiếng Anh, mốc thời gian, số liệu, ghi chú…" })]);
  ctx.ui.fieldsBox.appendChild(main);
  ctx.ui.fieldsBox.appendChild(more);
  // The steps of CONTRIBUTING.md lead (the title makes the id, quotes come before the
  // summary written from them); every other field in the schema's order, the order of
  // the file (its date and place, then the type's own fields, then themes and links).
  var first = ["title", "id", "evidence", "summary"];
  var order = first.concat(Object.keys(schema.properties).filter((name) => first.indexOf(name) < 0));
  order.forEach(function (name) {
    if (name === "former_ids" && !(values && values.former_ids)) return;
    var property = unwrap(schema.properties[name]);
    var required = schema.required.indexOf(name) >= 0;
    var container = ctx.data.seldom_used.indexOf(name) >= 0 ? more : main;
    var widget = makeWidget(name, name, property, required, container, schema);
    widget.name = name;
    ctx.widgets.push(widget);
  });
  idWidget = ctx.widgets.filter((widget) => widget.name === "id")[0];
  idWidget.control.readOnly = !!ctx.editing;
  idWidget.control.addEventListener("input", function () {
    idAuto = false;
  });
  var titleWidget = ctx.widgets.filter((widget) => widget.name === "title")[0];
  titleWidget.control.addEventListener("input", function () {
    if (idAuto && !ctx.editing) idWidget.write(slugify(titleWidget.read() || ""));
  });
  if (values) {
    ctx.widgets.forEach(function (widget) {
      widget.write(values[widget.name]);
    });
    var opened = ctx.data.seldom_used.some((name) => values[name] !== undefined);
    if (opened) more.open = true;
  }
}

// The record in the schema's key order (the canonical order), whatever the form's order.
export function collect() {
  var record = {};
  var values = {};
  ctx.widgets.forEach(function (widget) {
    values[widget.name] = widget.read();
  });
  Object.keys(currentSchema().properties).forEach(function (name) {
    if (values[name] !== undefined) record[name] = values[name];
  });
  if (record.former_ids) record.former_ids.sort();
  return record;
}
