// A combobox (WAI-ARIA 1.2, list autocomplete) over a list of choices, with the chosen
// ones shown as removable chips; `single` keeps one. `create` offers a new entity.

import { el, newId } from "./dom.js";
import { fold, strip } from "./text.js";
import { ctx } from "./state.js";
import { fieldFrame, slot } from "./fields.js";

function labelOf(combo, value) {
  var found = combo.options.choices().filter(function (choice) {
    return choice.id === value;
  })[0];
  return found ? found.label : value;
}

function changed(combo) {
  ctx.state.touched[combo.path] = true;
  ctx.schedule();
}

function renderChips(combo) {
  var chips = combo.chips;
  chips.textContent = "";
  combo.chosen.forEach(function (value, index) {
    var remove = el("button", { type: "button", class: "kb-chip__remove", "aria-label": "Bỏ " + labelOf(combo, value) }, ["×"]);
    remove.addEventListener("click", function () {
      combo.chosen.splice(index, 1);
      renderChips(combo);
      combo.input.focus();
      changed(combo);
    });
    chips.appendChild(el("li", { class: "kb-chip" }, [el("span", { text: labelOf(combo, value) }), remove]));
  });
  chips.hidden = combo.chosen.length === 0;
}

function close(combo) {
  combo.list.hidden = true;
  combo.input.setAttribute("aria-expanded", "false");
  combo.input.removeAttribute("aria-activedescendant");
  combo.active = -1;
}

function choose(combo, option) {
  if (option.create) {
    var created = combo.options.create(strip(combo.input.value), combo.box);
    if (!created) return;
    option = { id: created };
  }
  if (combo.options.single) combo.chosen = [option.id];
  else if (combo.chosen.indexOf(option.id) < 0) combo.chosen.push(option.id);
  combo.input.value = "";
  close(combo);
  renderChips(combo);
  changed(combo);
}

// The choices matching what was typed: the name typed in full first, then names starting
// with it, then the others.
function matching(combo) {
  var typed = fold(strip(combo.input.value));
  var query = typed.split(/\s+/).filter(Boolean);
  var rank = function (choice) {
    var names = [choice.label].concat(choice.also || []).map(fold);
    if (names.indexOf(typed) >= 0) return 0;
    return names.some((name) => name.indexOf(typed) === 0) ? 1 : 2;
  };
  return combo.options
    .choices()
    .filter(function (choice) {
      if (combo.chosen.indexOf(choice.id) >= 0) return false;
      var haystack = fold([choice.label, choice.id].concat(choice.also || [], choice.search || []).join(" "));
      return query.every(function (word) {
        return haystack.indexOf(word) >= 0;
      });
    })
    .map((choice, index) => [rank(choice), index, choice])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map((item) => item[2])
    .slice(0, 30);
}

function open(combo) {
  var typed = strip(combo.input.value);
  combo.shown = matching(combo);
  if (combo.options.create && typed) combo.shown.push({ create: true, label: "+ Thêm đối tác mới “" + typed + "”" });
  var list = combo.list;
  list.textContent = "";
  combo.shown.forEach(function (choice, index) {
    var option = el("li", { role: "option", id: list.id + "-" + index, class: "kb-combo__option", "aria-selected": "false" }, [
      choice.label,
    ]);
    if (choice.detail) option.appendChild(el("span", { class: "kb-combo__detail", text: " " + choice.detail }));
    option.addEventListener("mousedown", function (event) {
      event.preventDefault();
      choose(combo, choice);
    });
    list.appendChild(option);
  });
  if (!combo.shown.length) list.appendChild(el("li", { class: "kb-combo__empty", text: "Không thấy lựa chọn nào." }));
  list.hidden = false;
  combo.input.setAttribute("aria-expanded", "true");
  // No option is active until the editor moves (ArrowDown, then Enter, takes the first).
  highlight(combo, -1);
}

function highlight(combo, index) {
  combo.active = index;
  Array.prototype.forEach.call(combo.list.querySelectorAll("[role=option]"), function (option, i) {
    option.setAttribute("aria-selected", i === index ? "true" : "false");
    if (i === index) option.scrollIntoView({ block: "nearest" });
  });
  if (index >= 0) combo.input.setAttribute("aria-activedescendant", combo.list.id + "-" + index);
  else combo.input.removeAttribute("aria-activedescendant");
}

function onKey(combo, event) {
  if (event.key === "ArrowDown") {
    event.preventDefault();
    if (combo.list.hidden) open(combo);
    else highlight(combo, Math.min(combo.active + 1, combo.shown.length - 1));
  } else if (event.key === "ArrowUp") {
    event.preventDefault();
    highlight(combo, Math.max(combo.active - 1, 0));
  } else if (event.key === "Enter") {
    event.preventDefault();
    if (!combo.list.hidden && combo.active >= 0) choose(combo, combo.shown[combo.active]);
  } else if (event.key === "Escape") {
    close(combo);
  } else if (event.key === "Backspace" && !combo.input.value && combo.chosen.length) {
    combo.chosen.pop();
    renderChips(combo);
    ctx.schedule();
  }
}

function comboElements(name, required, description, container) {
  var label = ctx.labels[name] || name;
  var listId = newId(name + "-list");
  var input = el("input", {
    id: newId(name),
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    autocomplete: "off",
    placeholder: "Gõ để tìm (có dấu hay không dấu)",
  });
  var list = el("ul", { id: listId, role: "listbox", class: "kb-combo__list", hidden: true, "aria-label": label });
  var chips = el("ul", { class: "kb-chips", "aria-label": "Đã chọn: " + label });
  var box = fieldFrame(name, required, description, input, container);
  box.classList.add("kb-combo");
  box.insertBefore(chips, input);
  box.appendChild(list);
  return { input: input, list: list, chips: chips, box: box };
}

export function choiceWidget(name, path, required, description, container, options) {
  var combo = comboElements(name, required, description, container);
  Object.assign(combo, { path: path, options: options, chosen: [], active: -1, shown: [] });
  slot(path, combo.input, combo.box);
  combo.input.addEventListener("input", () => open(combo));
  combo.input.addEventListener("focus", function () {
    if (combo.input.value) open(combo);
  });
  combo.input.addEventListener("blur", function () {
    setTimeout(() => close(combo), 150);
  });
  combo.input.addEventListener("keydown", (event) => onKey(combo, event));
  renderChips(combo);
  return {
    read: function () {
      if (options.single) return combo.chosen[0];
      return combo.chosen.length ? combo.chosen.slice() : undefined;
    },
    write: function (value) {
      combo.chosen = value === undefined || value === null ? [] : Array.isArray(value) ? value.slice() : [value];
      renderChips(combo);
    },
    remove: function (value) {
      combo.chosen = combo.chosen.filter((item) => item !== value);
      renderChips(combo);
    },
  };
}
