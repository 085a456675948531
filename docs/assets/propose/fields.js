// The fields of the form, one kind per shape of a schema property: text, lines, a
// vocabulary, checkboxes, a flag, a date (or a span), an integer, an object of the schema
// and a list of them. Each gives {read(), write(value)} and a slot where its problems show.

import { el, newId } from "./dom.js";
import { nfc, strip } from "./text.js";
import { fromVietnamese, parseDate } from "./dates.js";
import { dateWords } from "./wording.js";
import { ctx, currentSchema } from "./state.js";
import { makeWidget } from "./record_form.js";

export function slot(path, control, container) {
  var box = el("p", { class: "kb-error", id: newId("error"), hidden: true });
  container.appendChild(box);
  if (control) {
    var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(box.id);
    control.setAttribute("aria-describedby", described.join(" "));
  }
  ctx.slots[path] = { box: box, control: control };
  return box;
}

export function touch(path) {
  return function () {
    ctx.state.touched[path] = true;
    ctx.schedule();
  };
}

export function unwrap(property) {
  if (property.anyOf) {
    var kept = property.anyOf.filter(function (option) {
      return option.type !== "null";
    });
    if (kept.length === 1) return Object.assign({}, kept[0], { description: property.description, nullable: true });
  }
  return property;
}

export function defName(property) {
  return property.$ref ? property.$ref.split("/").pop() : null;
}

export function fieldFrame(name, required, description, control, container) {
  var box = el("div", { class: "kb-field", "data-field": name });
  var hintId = newId("hint");
  var label = el("label", { for: control.id }, [ctx.labels[name] || name]);
  if (required) label.appendChild(el("span", { class: "kb-required", text: " (bắt buộc)" }));
  box.appendChild(label);
  if (description) {
    box.appendChild(el("p", { class: "kb-hint", id: hintId, text: description }));
    control.setAttribute("aria-describedby", hintId);
  }
  box.appendChild(control);
  container.appendChild(box);
  return box;
}

export function textWidget(name, path, required, description, container, long) {
  var id = newId(name);
  var control = long
    ? el("textarea", { id: id, rows: name === "summary" ? "5" : "3", required: required })
    : el("input", { id: id, type: "text", required: required, autocomplete: "off" });
  var box = fieldFrame(name, required, description, control, container);
  slot(path, control, box);
  control.addEventListener("input", touch(path));
  return {
    control: control,
    read: function () {
      var value = nfc(control.value);
      // Paragraphs are separated by an empty line in the box and by one line break in the
      // file (a folded block's empty line); a single line break in the box is a space.
      value = long
        ? value
            .split(/\n[ \t]*\n\s*/)
            .map(function (paragraph) {
              return strip(paragraph.split("\n").map(strip).join(" "));
            })
            .filter(Boolean)
            .join("\n")
        : strip(value);
      return value === "" ? undefined : value;
    },
    write: function (value) {
      var text = value === undefined || value === null ? "" : String(value);
      control.value = long ? text.replace(/\n/g, "\n\n") : text;
    },
  };
}

export function linesWidget(name, path, required, description, container) {
  var id = newId(name);
  var control = el("textarea", { id: id, rows: "2" });
  var box = fieldFrame(name, required, (description || "") + " Mỗi dòng một mục.", control, container);
  slot(path, control, box);
  control.addEventListener("input", touch(path));
  return {
    read: function () {
      var items = nfc(control.value)
        .split("\n")
        .map(strip)
        .filter(Boolean);
      return items.length ? items : undefined;
    },
    write: function (value) {
      control.value = (value || []).join("\n");
    },
  };
}

export function enumWidget(name, path, required, description, container, vocabulary, fallback) {
  var id = newId(name);
  var control = el("select", { id: id, required: required });
  if (!fallback) control.appendChild(el("option", { value: "", text: required ? "— chọn —" : "— không ghi —" }));
  vocabulary.forEach(function (item) {
    control.appendChild(el("option", { value: item.value, text: item.label || item.value }));
  });
  if (fallback) control.value = fallback;
  var box = fieldFrame(name, required, description, control, container);
  slot(path, control, box);
  control.addEventListener("change", touch(path));
  var present = false;
  return {
    control: control,
    read: function () {
      if (!control.value) return undefined;
      // A default is written only when the file had it already.
      if (control.value === fallback && !present) return undefined;
      return control.value;
    },
    write: function (value) {
      present = value !== undefined;
      control.value = value || fallback || "";
    },
  };
}

export function checkboxesWidget(name, path, required, description, container, choices) {
  var box = el("fieldset", { class: "kb-field kb-checks", "data-field": name }, [
    el("legend", {}, [ctx.labels[name] || name, required ? el("span", { class: "kb-required", text: " (bắt buộc)" }) : null]),
  ]);
  // The order of choosing is kept: the first theme is the record's main one.
  var order = [];
  var inputs = choices.map(function (choice) {
    var id = newId(name);
    var input = el("input", { type: "checkbox", id: id, value: choice.id });
    input.addEventListener("change", function () {
      order = order.filter((value) => value !== input.value);
      if (input.checked) order.push(input.value);
      touch(path)();
    });
    box.appendChild(el("span", { class: "kb-check" }, [input, el("label", { for: id, text: choice.label })]));
    return input;
  });
  container.appendChild(box);
  slot(path, inputs[0], box);
  return {
    read: function () {
      return order.length ? order.slice() : undefined;
    },
    write: function (value) {
      order = (value || []).slice();
      inputs.forEach(function (input) {
        input.checked = order.indexOf(input.value) >= 0;
      });
    },
  };
}

export function flagWidget(name, path, container, flag) {
  var id = newId(name);
  var input = el("input", { type: "checkbox", id: id });
  input.addEventListener("change", touch(path));
  var box = el("div", { class: "kb-field kb-check", "data-field": name }, [input, el("label", { for: id, text: ctx.labels[name] })]);
  container.appendChild(box);
  slot(path, input, box);
  return {
    read: function () {
      return input.checked ? [flag] : undefined;
    },
    write: function (value) {
      input.checked = (value || []).indexOf(flag) >= 0;
    },
  };
}

// A date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD (17/10/2019 is read too),
// or a span between two of them.
export function dateWidget(name, path, required, description, container) {
  var box = el("fieldset", { class: "kb-field kb-date", "data-field": name }, [el("legend", { text: ctx.labels[name] || name })]);
  if (description) box.appendChild(el("p", { class: "kb-hint", text: description + " Gõ 2019, 2019-10, 2019-10-17, 17/10/2019 hoặc 17-10-2019." }));
  var startId = newId(name + "-start");
  var endId = newId(name + "-end");
  var spanId = newId(name + "-span");
  var startInput = el("input", { id: startId, type: "text", inputmode: "numeric", autocomplete: "off" });
  var spanInput = el("input", { id: spanId, type: "checkbox" });
  var endInput = el("input", { id: endId, type: "text", inputmode: "numeric", autocomplete: "off" });
  var endBox = el("span", { class: "kb-date__part", hidden: true }, [el("label", { for: endId, text: "Đến (để trống nếu nguồn không nêu ngày kết thúc)" }), endInput]);
  var meaning = el("p", { class: "kb-hint kb-date__meaning" });
  box.appendChild(el("span", { class: "kb-date__part" }, [el("label", { for: startId, text: "Ngày (hoặc ngày bắt đầu)" }), startInput]));
  box.appendChild(el("span", { class: "kb-check" }, [spanInput, el("label", { for: spanId, text: "Là một khoảng thời gian" })]));
  box.appendChild(endBox);
  box.appendChild(meaning);
  container.appendChild(box);
  slot(path, startInput, box);
  [startInput, endInput].forEach(function (input) {
    input.addEventListener("input", touch(path));
    input.addEventListener("change", function () {
      input.value = fromVietnamese(input.value);
      ctx.schedule();
    });
  });
  spanInput.addEventListener("change", function () {
    endBox.hidden = !spanInput.checked;
    touch(path)();
  });
  return {
    read: function () {
      var startText = fromVietnamese(startInput.value);
      var endText = spanInput.checked ? fromVietnamese(endInput.value) : "";
      if (!startText) return endText ? { end: endText } : undefined;
      // A span whose end is left empty is open: {start} ("từ năm 2014").
      var value = spanInput.checked ? (endText ? { start: startText, end: endText } : { start: startText }) : startText;
      try {
        var s = parseDate(startText);
        meaning.textContent = "Nghĩa là: " + dateWords(s) + (endText ? " – " + dateWords(parseDate(endText)) : "") +
          " (chính xác đến " + (s.day ? "ngày" : s.month ? "tháng" : "năm") + ").";
      } catch (error) {
        meaning.textContent = "";
      }
      return value;
    },
    write: function (value) {
      if (value && typeof value === "object") {
        startInput.value = value.start || "";
        endInput.value = value.end || "";
        spanInput.checked = true;
      } else {
        startInput.value = value || "";
        endInput.value = "";
        spanInput.checked = false;
      }
      endBox.hidden = !spanInput.checked;
    },
  };
}

export function intWidget(name, path, required, description, container) {
  var id = newId(name);
  var control = el("input", { id: id, type: "text", inputmode: "numeric", autocomplete: "off" });
  var box = fieldFrame(name, required, description, control, container);
  slot(path, control, box);
  control.addEventListener("input", touch(path));
  return {
    read: function () {
      var value = strip(control.value);
      return value === "" ? undefined : value;
    },
    write: function (value) {
      control.value = value === undefined ? "" : String(value);
    },
  };
}

// An object of the schema (a figure, a stated bound): one field per property.
export function objectWidget(name, path, definition, container, legend) {
  var box = el("fieldset", { class: "kb-field kb-group", "data-field": name }, [el("legend", { text: legend })]);
  container.appendChild(box);
  var parts = {};
  Object.keys(definition.properties).forEach(function (key) {
    var property = unwrap(definition.properties[key]);
    var required = (definition.required || []).indexOf(key) >= 0;
    parts[key] = makeWidget(key, path + "." + key, property, required, box, currentSchema());
  });
  slot(path, null, box);
  return {
    box: box,
    read: function () {
      var value = {};
      Object.keys(parts).forEach(function (key) {
        var item = parts[key].read();
        if (item !== undefined) value[key] = item;
      });
      return Object.keys(value).length ? value : undefined;
    },
    write: function (value) {
      Object.keys(parts).forEach(function (key) {
        parts[key].write(value ? value[key] : undefined);
      });
    },
  };
}

export function listOfObjects(name, path, definition, container, itemLegend, addLabel) {
  var box = el("fieldset", { class: "kb-field kb-list", "data-field": name }, [el("legend", { text: ctx.labels[name] || name })]);
  var items = el("div", {});
  var add = el("button", { type: "button", class: "md-button", text: addLabel });
  box.appendChild(items);
  box.appendChild(add);
  container.appendChild(box);
  slot(path, null, box);
  var rows = [];
  function addRow(value) {
    var row = objectWidget(name, path + "." + rows.length, definition, items, itemLegend + " " + (rows.length + 1));
    var remove = el("button", { type: "button", class: "md-button kb-remove", text: "Xóa " + itemLegend.toLowerCase() + " " + (rows.length + 1) });
    row.box.appendChild(remove);
    var entry = { widget: row };
    remove.addEventListener("click", function () {
      var values = read().filter(function (_, index) {
        return rows[index] !== entry;
      });
      write(values);
      ctx.schedule();
    });
    rows.push(entry);
    if (value) row.write(value);
    return row;
  }
  function read() {
    return rows.map((row) => row.widget.read() || {});
  }
  function write(values) {
    items.textContent = "";
    rows = [];
    Object.keys(ctx.slots).forEach(function (key) {
      if (key.indexOf(path + ".") === 0) delete ctx.slots[key];
    });
    (values || []).forEach(addRow);
  }
  add.addEventListener("click", function () {
    addRow(null);
    ctx.schedule();
  });
  return {
    read: function () {
      var values = read().filter((value) => Object.keys(value).length);
      return values.length ? values : undefined;
    },
    write: write,
  };
}
