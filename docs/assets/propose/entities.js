// New entities proposed with the record: each a fieldset of the entity schema's fields,
// a choice in every entity field, and a file of its own in data/entities/.

import { el } from "./dom.js";
import { slugify } from "./text.js";
import { ctx } from "./state.js";
import { unwrap } from "./fields.js";
import { makeWidget } from "./record_form.js";
import { sourceFields, sourceProblems, splitCitation, withCitation } from "./entity_source.js";

export function entityChoices() {
  return ctx.data.entities
    .map(function (entity) {
      return { id: entity.id, label: entity.name, also: entity.aliases, detail: kindLabel(entity.kind) };
    })
    .concat(
      ctx.newEntities.map(function (entity) {
        var name = entity.read().name || entity.id;
        return { id: entity.id, label: name, detail: "(đối tác mới)" };
      })
    );
}

function kindLabel(kind) {
  var found = ctx.data.vocabularies.EntityKind.filter((item) => item.value === kind)[0];
  return found ? "(" + found.label.toLowerCase() + ")" : "";
}

// A new entity's fields open right under the field where it was named.
export function createEntity(name, nextTo) {
  if (!name) return null;
  var entity = addNewEntity({ name: name, id: slugify(name) }, nextTo);
  return entity.id;
}

export function addNewEntity(value, nextTo) {
  var schema = ctx.data.entity_schema;
  var index = ctx.newEntities.length;
  var path = "entity." + index;
  var box = el("fieldset", { class: "kb-field kb-group kb-new-entity" }, [el("legend", { text: "Đối tác mới " + (index + 1) })]);
  if (nextTo) nextTo.after(box);
  else {
    ctx.ui.entitiesBox.hidden = false;
    ctx.ui.entitiesBox.appendChild(box);
  }
  var parts = {};
  ctx.data.entity_fields.forEach(function (key) {
    var property = unwrap(schema.properties[key]);
    var required = (schema.required || []).indexOf(key) >= 0;
    parts[key] = makeWidget(key, path + "." + key, property, required, box, schema);
  });
  var cited = splitCitation(value.description);
  value = Object.assign({}, value, { description: cited.text || undefined });
  var where = sourceFields(box, path, () => parts.name.read());
  markRequired(box.querySelector("[data-field=description] > label"));
  box.querySelector("[data-field=description] > .kb-hint").textContent =
    "Điều bài viết nói về đối tác, ngắn gọn, bằng lời của bạn (ví dụ: Một trong 9 nước đối tác ký bản ghi nhớ về gìn giữ hòa bình với Việt Nam).";
  var entity = {
    id: value.id,
    read: function () {
      var out = {};
      Object.keys(parts).forEach(function (key) {
        var item = parts[key].read();
        if (item !== undefined) out[key] = item;
      });
      var chosen = where.read();
      if (out.description) out.description = withCitation(out.description, chosen.source, chosen.paragraphs);
      return out;
    },
    problems: (index) => sourceProblems(index, parts.description.read(), where.read()),
  };
  var auto = true;
  parts.id.control.addEventListener("input", function () {
    auto = false;
  });
  parts.name.control.addEventListener("input", function () {
    if (auto) parts.id.write(slugify(parts.name.read() || ""));
  });
  Object.keys(parts).forEach((key) => parts[key].write(value[key]));
  where.write(cited);
  box.querySelector("[data-field=id] > label").firstChild.textContent = "Mã đối tác";
  var remove = el("button", { type: "button", class: "md-button kb-remove", text: "Bỏ đối tác mới " + (index + 1) });
  remove.addEventListener("click", function () {
    ctx.newEntities.splice(ctx.newEntities.indexOf(entity), 1);
    box.remove();
    ctx.widgets.forEach(function (widget) {
      if (widget.remove) widget.remove(entity.id);
    });
    ctx.ui.entitiesBox.hidden = !ctx.ui.entitiesBox.querySelector(".kb-new-entity");
    ctx.schedule();
  });
  box.appendChild(remove);
  entity.parts = parts;
  ctx.newEntities.push(entity);
  setTimeout(function () {
    parts.kind.control && parts.kind.control.focus();
  }, 0);
  return entity;
}

function markRequired(label) {
  if (label && !label.querySelector(".kb-required")) label.appendChild(el("span", { class: "kb-required", text: " (bắt buộc)" }));
}

// What each new entity's panel still needs (its description and where the articles say it).
export function newEntityProblems() {
  return ctx.newEntities.reduce((all, entity, index) => all.concat(entity.problems(index)), []);
}

export function entityName(id) {
  if (ctx.entities[id]) return ctx.entities[id].name;
  var created = ctx.newEntities.filter((entity) => entity.id === id)[0];
  return created ? created.read().name || id : id;
}
