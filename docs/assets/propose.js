// The "Đề xuất bản ghi" form (de-xuat/): an editor proposes a record, or corrects one, and
// ends on GitHub's page for a new file (or the edit page of the file) with the YAML written
// for them. No server: everything happens in the browser, from one JSON file the build
// writes next to the page (scripts/defence_kb/propose.py).
//
// The form is built from the JSON Schema of the chosen record type (the model's own
// export): each property's shape decides its field (text, vocabulary, date, list of ids,
// figures, evidence); the data file adds what a schema cannot say (Vietnamese labels, which
// ids name themes, entities or records). The checks mirror scripts/defence_kb/validate.py,
// with its messages word for word, so an editor sees before sending what the pull request's
// check would say. The YAML is written in the canonical form `make fix` writes
// (scripts/defence_kb/canonical.py), so a proposal has no formatting noise.
(function () {
  "use strict";

  var mount = document.getElementById("kb-propose");
  // GitHub answers 414 to URLs longer than its server accepts (observed: 8 KB; README.md, Editors);
  // past this length the form offers the file to copy or download instead.
  var URL_LIMIT = 7000;

  // ------------------------------------------------------------------ text (text.py)

  // Python's str.split() white space, which collapse_whitespace uses to compare quotes.
  var SPACE_CLASS = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var SPACES = new RegExp(SPACE_CLASS + "+", "g");
  var EDGE_SPACES = new RegExp("^" + SPACE_CLASS + "+|" + SPACE_CLASS + "+$", "g");

  function collapse(text) {
    return text.replace(SPACES, " ").replace(/^ | $/g, "");
  }

  function strip(text) {
    return text.replace(EDGE_SPACES, "");
  }

  function nfc(text) {
    return text.normalize("NFC");
  }

  // Search folding (tones and marks off, đ as d): the site search's own function, from
  // docs/assets/search.js, which every page loads before this deferred script.
  var fold = window.kbFold;

  // text.slugify: python-slugify (legacy pipeline) after folding diacritics, cut at a word
  // boundary at 80 characters. Letters that transliterate to more than a mark-less letter
  // are listed; every other character is a separator, as in python-slugify.
  var TRANSLITERATION = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "×": "x", "°": "deg", "€": "EUR" };

  // python-slugify's smart_truncate with word_boundary: words that fit are kept, a word
  // that would pass the limit is skipped (later, shorter words may still fit).
  function smartTruncate(text, max) {
    text = text.replace(/^-+|-+$/g, "");
    if (text.length < max) return text;
    if (text.indexOf("-") < 0) return text.slice(0, max);
    var truncated = "";
    var words = text.split("-");
    for (var i = 0; i < words.length; i += 1) {
      if (!words[i]) continue;
      var next = truncated.length + words[i].length;
      if (next < max) truncated += words[i] + "-";
      else if (next === max) {
        truncated += words[i];
        break;
      }
    }
    if (!truncated) truncated = text.slice(0, max);
    return truncated.replace(/^-+|-+$/g, "");
  }

  function slugify(text) {
    var folded = fold(text)
      .normalize("NFC")
      .replace(/'+/g, "-")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[^\u0000-\u007f]/g, function (ch) {
        return TRANSLITERATION[ch] || TRANSLITERATION[ch.toLowerCase()] || "-";
      })
      .toLowerCase()
      .replace(/'+/g, "")
      .replace(/(\d),(?=\d)/g, "$1")
      .replace(/[^-a-z0-9]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-+|-+$/g, "");
    return smartTruncate(folded, 80);
  }

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  // ------------------------------------------------------------------ dates (schema.py)

  var futureYears = 5;

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  // PartialDate.parse: {year, month, day} or an Error with the validator's message.
  function parseDate(text) {
    var match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(strip(text));
    if (!match) {
      throw new Error(
        "ngày “" + text + "” không đúng dạng: viết YYYY, YYYY-MM hoặc YYYY-MM-DD " +
          "(ví dụ 2019, 2019-10 hoặc 2019-10-17)"
      );
    }
    var year = +match[1];
    var month = match[2] ? +match[2] : null;
    var day = match[3] ? +match[3] : null;
    if (month !== null && !(month >= 1 && month <= 12)) {
      throw new Error("ngày “" + text + "”: tháng " + month + " không có thật (tháng từ 01 đến 12)");
    }
    if (day !== null && (day < 1 || day > daysIn(year, month) || year < 1)) {
      throw new Error(
        "ngày “" + text + "” không có thật trên lịch: tháng " + month + "/" + year + " không có ngày " + day
      );
    }
    if (year > new Date().getFullYear() + futureYears) {
      throw new Error(
        "ngày “" + text + "” ở quá xa trong tương lai; kiểm tra lại năm " +
          "(kế hoạch, mục tiêu “đến năm …” không phải ngày của sự kiện)"
      );
    }
    if (year < 1800) throw new Error("ngày “" + text + "”: năm " + year + " quá xa trong quá khứ; kiểm tra lại năm");
    return { year: year, month: month, day: day };
  }

  function iso(date) {
    return [String(date.year)].concat(date.month ? [pad(date.month)] : [], date.day ? [pad(date.day)] : []).join("-");
  }

  function earliest(date) {
    return [date.year, date.month || 1, date.day || 1];
  }

  function latest(date) {
    var month = date.month || 12;
    return [date.year, month, date.day || daysIn(date.year, month)];
  }

  function before(a, b) {
    for (var i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  }

  function dateWords(date) {
    if (date.day) return pad(date.day) + "/" + pad(date.month) + "/" + date.year;
    if (date.month) return "tháng " + date.month + "/" + date.year;
    return "năm " + date.year;
  }

  // Vietnamese ways of writing a date, turned into the file's form: 17/10/2019 → 2019-10-17.
  function fromVietnamese(text) {
    var t = strip(text);
    var m = /^(\d{1,2})[\/.](\d{1,2})[\/.](\d{4})$/.exec(t);
    if (m) return m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]);
    m = /^(\d{1,2})[\/.](\d{4})$/.exec(t);
    if (m) return m[2] + "-" + pad(+m[1]);
    return t;
  }

  // ------------------------------------------------------------------ YAML (canonical_yaml.py)
  // The canonical form `make fix` writes, rule for rule from the specification in
  // scripts/defence_kb/fix/canonical_yaml.py (lengths in code points, WIDTH 100).

  var WIDTH = 100;
  var CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
  var SPECIAL = new RegExp(
    "^(?:~|null|Null|NULL" +
      "|[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF" +
      "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)" +
      "|[-+]?0[bBoOxX][0-9a-fA-F_]+" +
      "|[-+]?[0-9._:]*[0-9][0-9._:]*(?:[eE][-+]?[0-9]+)?" +
      "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \\t].*)?" +
      "|<<|=)$",
    "s"
  );
  var NUMBER_OR_DATE = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?|[0-9]{4}-[0-9]{2}-[0-9]{2})$/;
  var PLAIN_FIRST_FORBIDDEN = "-?:,[]{}#&*!|>'\"%@`";
  var NAMED_ESCAPES = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t" };

  function length(text) {
    return Array.from(text).length;
  }

  function isPlain(text) {
    if (NUMBER_OR_DATE.test(text)) return true;
    if (!text || CONTROL.test(text)) return false;
    var chars = Array.from(text);
    if (chars[0] === " " || chars[chars.length - 1] === " " || PLAIN_FIRST_FORBIDDEN.indexOf(chars[0]) >= 0) return false;
    if (text.indexOf(": ") >= 0 || text.indexOf(" #") >= 0 || text.charAt(text.length - 1) === ":") return false;
    return !SPECIAL.test(text) || NUMBER_OR_DATE.test(text);
  }

  function hex(code, digits) {
    var text = code.toString(16).toUpperCase();
    while (text.length < digits) text = "0" + text;
    return text;
  }

  function doubleQuoted(text) {
    return (
      '"' +
      Array.from(text)
        .map(function (char) {
          if (NAMED_ESCAPES[char]) return NAMED_ESCAPES[char];
          if (CONTROL.test(char)) {
            var code = char.codePointAt(0);
            return code < 0x100 ? "\\x" + hex(code, 2) : "\\u" + hex(code, 4);
          }
          return char;
        })
        .join("") +
      '"'
    );
  }

  function isFoldable(text) {
    if (!text || CONTROL.test(text.replace(/\n/g, ""))) return false;
    if (text.charAt(0) === "\n" || text.charAt(text.length - 1) === "\n") return false;
    return text.split("\n").every(function (part) {
      return !part || (part.charAt(0) !== " " && part.charAt(part.length - 1) !== " ");
    });
  }

  function foldWords(part) {
    var chars = Array.from(part);
    var words = [];
    var begin = 0;
    for (var index = 1; index < chars.length - 1; index += 1) {
      if (chars[index] === " " && chars[index - 1] !== " " && chars[index + 1] !== " ") {
        words.push(chars.slice(begin, index).join(""));
        begin = index + 1;
      }
    }
    words.push(chars.slice(begin).join(""));
    return words;
  }

  function foldLines(text, room) {
    var lines = [];
    text.split("\n").forEach(function (part, number) {
      if (number) lines.push("");
      if (!part) return;
      var words = foldWords(part);
      var line = words[0];
      words.slice(1).forEach(function (word) {
        if (length(line) + 1 + length(word) <= room) line += " " + word;
        else {
          lines.push(line);
          line = word;
        }
      });
      lines.push(line);
    });
    return lines;
  }

  function stringLines(head, text, contentIndent) {
    if (isPlain(text) && length(head) + 1 + length(text) <= WIDTH) return [head + " " + text];
    var quoted = doubleQuoted(text);
    if (text.indexOf("\n") < 0 && length(head) + 1 + length(quoted) <= WIDTH) return [head + " " + quoted];
    if (isFoldable(text)) {
      var pad_ = " ".repeat(contentIndent);
      return [head + " >-"].concat(
        foldLines(text, WIDTH - contentIndent).map(function (line) {
          return line ? pad_ + line : "";
        })
      );
    }
    return [head + " " + quoted];
  }

  function yamlKey(key) {
    return isPlain(key) ? key : doubleQuoted(key);
  }

  function attach(dash, lines, indent) {
    return [dash + " " + lines[0].slice(indent + 2)].concat(lines.slice(1));
  }

  function valueLines(head, value, indent, inList) {
    if (value === null || value === undefined) return [head];
    if (typeof value === "string") return stringLines(head, value, indent + 2);
    if (Array.isArray(value)) {
      if (!value.length) return [head + " []"];
      if (inList) return attach(head, sequenceLines(value, indent + 2), indent);
      return [head].concat(sequenceLines(value, indent));
    }
    if (typeof value === "object") {
      if (!Object.keys(value).length) return [head + " {}"];
      if (inList) return attach(head, mappingLines(value, indent + 2), indent);
      return [head].concat(mappingLines(value, indent + 2));
    }
    return stringLines(head, String(value), indent + 2);
  }

  function mappingLines(mapping, indent) {
    var lines = [];
    Object.keys(mapping).forEach(function (key) {
      lines = lines.concat(valueLines(" ".repeat(indent) + yamlKey(key) + ":", mapping[key], indent, false));
    });
    return lines;
  }

  function sequenceLines(items, indent) {
    var lines = [];
    items.forEach(function (item) {
      lines = lines.concat(valueLines(" ".repeat(indent) + "-", item, indent, true));
    });
    return lines;
  }

  function toYaml(data) {
    var body = Object.keys(data).length ? mappingLines(data, 0) : ["{}"];
    return body.join("\n") + "\n";
  }

  // KEY ORDER (key_order.py): the keys of a record and of each nested object in the order of
  // the schema's properties; keys the schema does not know follow, in their own order.
  function orderKeys(value, property, schema) {
    if (Array.isArray(value)) {
      return value.map((item) => orderKeys(item, property && property.items, schema));
    }
    if (!value || typeof value !== "object") return value;
    var definition = property;
    var options = property ? [property].concat(property.anyOf || [], property.oneOf || []) : [];
    options.forEach(function (option) {
      if (option.$ref) definition = schema.$defs[option.$ref.split("/").pop()];
      else if (option.properties && !definition.properties) definition = option;
    });
    var known = definition && definition.properties ? Object.keys(definition.properties) : [];
    var keys = known.filter((key) => key in value).concat(Object.keys(value).filter((key) => known.indexOf(key) < 0));
    var out = {};
    keys.forEach(function (key) {
      out[key] = orderKeys(value[key], definition && definition.properties ? definition.properties[key] : null, schema);
    });
    return out;
  }

  // ------------------------------------------------------------------ DOM helpers

  var uid = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function newId(name) {
    uid += 1;
    return "kb-f-" + name.replace(/[^a-z0-9]+/gi, "-") + "-" + uid;
  }

  // ------------------------------------------------------------------ the form

  function start(data) {
    futureYears = data.future_years;
    var labels = data.labels;
    var types = {};
    data.types.forEach(function (type) {
      types[type.folder] = type;
    });
    var entities = {};
    data.entities.forEach(function (entity) {
      entities[entity.id] = entity;
    });
    var sources = {};
    data.sources.forEach(function (source) {
      sources[source.id] = source;
      source.collapsed = source.paragraphs.map(function (p) {
        return [p[0], collapse(p[3])];
      });
    });
    var records = {};
    data.records.forEach(function (record) {
      records[record.data.id] = record;
    });
    var themeTitles = {};
    data.themes.forEach(function (theme) {
      themeTitles[theme.id] = theme.title;
    });
    var sourceTexts = data.sources.map(function (source) {
      return [source.id, collapse(source.paragraphs.map((p) => p[3]).join(" ")).toLowerCase()];
    });

    var params = new URL(window.location.href).searchParams;
    var editing = params.get("sua") && records[params.get("sua")] ? records[params.get("sua")] : null;
    var state = { type: editing ? editing.folder : params.get("loai") || "events", touched: {}, showAll: false };
    if (!types[state.type]) state.type = "events";
    var newEntities = []; // {id, fields: {...}, node}

    mount.textContent = "";
    var form = el("form", { class: "kb-propose__form", novalidate: true, "aria-label": "Đề xuất bản ghi" });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    mount.appendChild(form);

    if (editing) {
      form.appendChild(
        el("p", { class: "kb-propose__note" }, [
          "Bạn đang sửa bản ghi “" + editing.data.title + "” (tệp ",
          el("code", { text: editing.path }),
          "). Biểu mẫu đã điền sẵn nội dung hiện có; sửa những gì cần sửa.",
        ])
      );
    }

    // Record type: radio buttons, one per type.
    var typeBox = el("fieldset", { class: "kb-propose__types" }, [el("legend", { text: "Loại bản ghi" })]);
    data.types.forEach(function (type) {
      var id = newId("type-" + type.folder);
      var input = el("input", {
        type: "radio",
        name: "kb-type",
        id: id,
        value: type.folder,
        checked: type.folder === state.type,
        disabled: editing && type.folder !== state.type,
      });
      input.addEventListener("change", function () {
        var kept = collect();
        state.type = type.folder;
        buildFields(kept);
        update();
      });
      typeBox.appendChild(el("span", { class: "kb-propose__type" }, [input, el("label", { for: id, text: type.label_plural })]));
    });
    form.appendChild(typeBox);

    var fieldsBox = el("div", { class: "kb-propose__fields" });
    form.appendChild(fieldsBox);
    var entitiesBox = el("section", { class: "kb-propose__new-entities", "aria-labelledby": "kb-new-entities-title", hidden: true }, [
      el("h2", { id: "kb-new-entities-title", text: "Đối tác mới" }),
      el("p", {
        class: "kb-hint",
        text: "Đối tác chưa có trong cơ sở dữ liệu được đề xuất cùng bản ghi, thành một tệp thứ hai trong data/entities/.",
      }),
    ]);
    form.appendChild(entitiesBox);

    var checkBox = el("section", { class: "kb-propose__check", "aria-labelledby": "kb-check-title" }, [
      el("h2", { id: "kb-check-title", text: "Kiểm tra" }),
    ]);
    var status = el("p", { class: "kb-propose__status", role: "status", "aria-live": "polite" });
    var problemList = el("ul", { class: "kb-propose__problems" });
    checkBox.appendChild(status);
    checkBox.appendChild(problemList);
    form.appendChild(checkBox);

    var previewBox = el("section", { class: "kb-propose__preview", "aria-labelledby": "kb-preview-title" }, [
      el("h2", { id: "kb-preview-title", text: "Xem trước" }),
    ]);
    var pagePreview = el("div", { class: "kb-propose__page", "aria-label": "Trang của bản ghi (xem trước)", role: "region" });
    // Material scrolls the code element, not the pre: that is what takes the focus.
    var yamlPreview = el("pre", { class: "kb-propose__yaml" });
    var yamlCode = el("code", { tabindex: "0", "aria-label": "Tệp YAML (xem trước)" });
    yamlPreview.appendChild(yamlCode);
    previewBox.appendChild(el("h3", { text: "Trang của bản ghi" }));
    previewBox.appendChild(pagePreview);
    previewBox.appendChild(el("h3", { text: "Tệp YAML" }));
    previewBox.appendChild(yamlPreview);
    form.appendChild(previewBox);

    var sendBox = el("section", { class: "kb-propose__send", "aria-labelledby": "kb-send-title" }, [
      el("h2", { id: "kb-send-title", text: editing ? "Gửi bản sửa" : "Gửi đề xuất" }),
    ]);
    var sendBody = el("div", {});
    sendBox.appendChild(sendBody);
    form.appendChild(sendBox);

    // ---------------------------------------------------------------- fields

    var widgets = []; // {name, read(), write(value), slots}
    var slots = {}; // "evidence.0.quote" → {box, control}

    function slot(path, control, container) {
      var box = el("p", { class: "kb-error", id: newId("error"), hidden: true });
      container.appendChild(box);
      if (control) {
        var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        described.push(box.id);
        control.setAttribute("aria-describedby", described.join(" "));
      }
      slots[path] = { box: box, control: control };
      return box;
    }

    function touch(path) {
      return function () {
        state.touched[path] = true;
        schedule();
      };
    }

    function unwrap(property) {
      if (property.anyOf) {
        var kept = property.anyOf.filter(function (option) {
          return option.type !== "null";
        });
        if (kept.length === 1) return Object.assign({}, kept[0], { description: property.description, nullable: true });
      }
      return property;
    }

    function defName(property) {
      return property.$ref ? property.$ref.split("/").pop() : null;
    }

    function fieldFrame(name, required, description, control, container) {
      var box = el("div", { class: "kb-field", "data-field": name });
      var hintId = newId("hint");
      var label = el("label", { for: control.id }, [labels[name] || name]);
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

    function textWidget(name, path, required, description, container, long) {
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

    function linesWidget(name, path, required, description, container) {
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

    // References (schema/reference.py) are given back as the file has them: the form says how
    // many there are; an editor changes them in the YAML file (CONTRIBUTING.md shows how).
    function keptWidget(name, path, container) {
      var kept;
      var note = el("p", { class: "kb-hint" });
      var box = el("div", { class: "kb-field", "data-field": name }, [el("p", { text: labels[name] || name }), note]);
      container.appendChild(box);
      slot(path, null, box);
      return {
        read: function () {
          return kept && kept.length ? kept : undefined;
        },
        write: function (value) {
          kept = value;
          note.textContent =
            (value && value.length ? value.length + " tài liệu tham khảo, giữ nguyên" : "Chưa có") +
            "; thêm hoặc sửa trong tệp YAML (xem CONTRIBUTING.md).";
        },
      };
    }

    function enumWidget(name, path, required, description, container, vocabulary, fallback) {
      var id = newId(name);
      var control = el("select", { id: id, required: required });
      if (!fallback) control.appendChild(el("option", { value: "", text: required ? "— chọn —" : "— không ghi —" }));
      vocabulary.forEach(function (item) {
        control.appendChild(el("option", { value: item.value, text: (item.label || item.value) + " (" + item.value + ")" }));
      });
      if (fallback) control.value = fallback;
      var box = fieldFrame(name, required, description, control, container);
      slot(path, control, box);
      control.addEventListener("change", touch(path));
      var present = false;
      return {
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

    // A combobox (WAI-ARIA 1.2, list autocomplete) over a list of choices, with the chosen
    // ones shown as removable chips; `single` keeps one. `create` offers a new entity.
    function choiceWidget(name, path, required, description, container, options) {
      var id = newId(name);
      var listId = newId(name + "-list");
      var input = el("input", {
        id: id,
        type: "text",
        role: "combobox",
        "aria-autocomplete": "list",
        "aria-expanded": "false",
        "aria-controls": listId,
        autocomplete: "off",
        placeholder: "Gõ để tìm (có dấu hay không dấu)",
      });
      var list = el("ul", { id: listId, role: "listbox", class: "kb-combo__list", hidden: true, "aria-label": labels[name] || name });
      var chips = el("ul", { class: "kb-chips", "aria-label": "Đã chọn: " + (labels[name] || name) });
      var box = fieldFrame(name, required, description, input, container);
      box.classList.add("kb-combo");
      box.insertBefore(chips, input);
      box.appendChild(list);
      slot(path, input, box);
      var chosen = [];
      var active = -1;
      var shown = [];

      function choices() {
        return options.choices();
      }

      function labelOf(value) {
        var found = choices().filter(function (choice) {
          return choice.id === value;
        })[0];
        return found ? found.label : value;
      }

      function renderChips() {
        chips.textContent = "";
        chosen.forEach(function (value, index) {
          var remove = el("button", { type: "button", class: "kb-chip__remove", "aria-label": "Bỏ " + labelOf(value) }, ["×"]);
          remove.addEventListener("click", function () {
            chosen.splice(index, 1);
            renderChips();
            state.touched[path] = true;
            input.focus();
            schedule();
          });
          chips.appendChild(el("li", { class: "kb-chip" }, [el("span", { text: labelOf(value) }), remove]));
        });
        chips.hidden = chosen.length === 0;
      }

      function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
      }

      function choose(option) {
        if (option.create) {
          var created = options.create(strip(input.value));
          if (!created) return;
          option = { id: created };
        }
        if (options.single) chosen = [option.id];
        else if (chosen.indexOf(option.id) < 0) chosen.push(option.id);
        input.value = "";
        close();
        renderChips();
        state.touched[path] = true;
        schedule();
      }

      function open() {
        var typed = fold(strip(input.value));
        var query = typed.split(/\s+/).filter(Boolean);
        // The name typed in full first, then names starting with it, then the others.
        var rank = function (choice) {
          var names = [choice.label].concat(choice.also || []).map(fold);
          if (names.indexOf(typed) >= 0) return 0;
          return names.some((name) => name.indexOf(typed) === 0) ? 1 : 2;
        };
        shown = choices()
          .filter(function (choice) {
            if (chosen.indexOf(choice.id) >= 0) return false;
            var haystack = fold([choice.label, choice.id].concat(choice.also || []).join(" "));
            return query.every(function (word) {
              return haystack.indexOf(word) >= 0;
            });
          })
          .map((choice, index) => [rank(choice), index, choice])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .map((item) => item[2])
          .slice(0, 30);
        if (options.create && strip(input.value)) shown.push({ create: true, label: "+ Thêm đối tác mới “" + strip(input.value) + "”" });
        list.textContent = "";
        shown.forEach(function (choice, index) {
          var option = el("li", { role: "option", id: listId + "-" + index, class: "kb-combo__option", "aria-selected": "false" }, [
            choice.label,
          ]);
          if (choice.detail) option.appendChild(el("span", { class: "kb-combo__detail", text: " " + choice.detail }));
          option.addEventListener("mousedown", function (event) {
            event.preventDefault();
            choose(choice);
          });
          list.appendChild(option);
        });
        if (!shown.length) list.appendChild(el("li", { class: "kb-combo__empty", text: "Không thấy lựa chọn nào." }));
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        highlight(shown.length ? 0 : -1);
      }

      function highlight(index) {
        active = index;
        Array.prototype.forEach.call(list.querySelectorAll("[role=option]"), function (option, i) {
          option.setAttribute("aria-selected", i === index ? "true" : "false");
          if (i === index) option.scrollIntoView({ block: "nearest" });
        });
        if (index >= 0) input.setAttribute("aria-activedescendant", listId + "-" + index);
        else input.removeAttribute("aria-activedescendant");
      }

      input.addEventListener("input", open);
      input.addEventListener("focus", function () {
        if (input.value) open();
      });
      input.addEventListener("blur", function () {
        setTimeout(close, 150);
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          if (list.hidden) open();
          else highlight(Math.min(active + 1, shown.length - 1));
        } else if (event.key === "ArrowUp") {
          event.preventDefault();
          highlight(Math.max(active - 1, 0));
        } else if (event.key === "Enter") {
          event.preventDefault();
          if (!list.hidden && active >= 0) choose(shown[active]);
        } else if (event.key === "Escape") {
          close();
        } else if (event.key === "Backspace" && !input.value && chosen.length) {
          chosen.pop();
          renderChips();
          schedule();
        }
      });
      renderChips();
      return {
        read: function () {
          if (options.single) return chosen[0];
          return chosen.length ? chosen.slice() : undefined;
        },
        write: function (value) {
          chosen = value === undefined || value === null ? [] : Array.isArray(value) ? value.slice() : [value];
          renderChips();
        },
        remove: function (value) {
          chosen = chosen.filter(function (item) {
            return item !== value;
          });
          renderChips();
        },
      };
    }

    function checkboxesWidget(name, path, required, description, container, choices) {
      var box = el("fieldset", { class: "kb-field kb-checks", "data-field": name }, [
        el("legend", {}, [labels[name] || name, required ? el("span", { class: "kb-required", text: " (bắt buộc)" }) : null]),
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

    function flagWidget(name, path, container, flag) {
      var id = newId(name);
      var input = el("input", { type: "checkbox", id: id });
      input.addEventListener("change", touch(path));
      var box = el("div", { class: "kb-field kb-check", "data-field": name }, [input, el("label", { for: id, text: labels[name] })]);
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
    function dateWidget(name, path, required, description, container) {
      var box = el("fieldset", { class: "kb-field kb-date", "data-field": name }, [el("legend", { text: labels[name] || name })]);
      if (description) box.appendChild(el("p", { class: "kb-hint", text: description + " Gõ 2019, 2019-10, 2019-10-17 hoặc 17/10/2019." }));
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
          schedule();
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

    function intWidget(name, path, required, description, container) {
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
    function objectWidget(name, path, definition, container, legend) {
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

    function listOfObjects(name, path, definition, container, itemLegend, addLabel) {
      var box = el("fieldset", { class: "kb-field kb-list", "data-field": name }, [el("legend", { text: labels[name] || name })]);
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
          schedule();
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
        Object.keys(slots).forEach(function (key) {
          if (key.indexOf(path + ".") === 0) delete slots[key];
        });
        (values || []).forEach(addRow);
      }
      add.addEventListener("click", function () {
        addRow(null);
        schedule();
      });
      return {
        read: function () {
          var values = read().filter((value) => Object.keys(value).length);
          return values.length ? values : undefined;
        },
        write: write,
      };
    }

    // --------------------------------------------------------- evidence and its picker

    function sourceSelect(id, value) {
      var select = el("select", { id: id });
      select.appendChild(el("option", { value: "", text: "— chọn nguồn —" }));
      data.sources.forEach(function (source) {
        select.appendChild(el("option", { value: source.id, text: source.label }));
      });
      select.value = value || "";
      return select;
    }

    function sourceWidget(name, path, required, description, container) {
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

    function evidenceWidget(name, path, required, description, container) {
      var box = el("fieldset", { class: "kb-field kb-evidence", "data-field": name }, [
        el("legend", {}, [labels[name], required ? el("span", { class: "kb-required", text: " (bắt buộc)" }) : null]),
      ]);
      if (description) box.appendChild(el("p", { class: "kb-hint", text: description }));
      var items = el("ol", { class: "kb-evidence__items" });
      box.appendChild(items);
      container.appendChild(box);
      slot(path, null, box);
      var rows = [];

      function addRow(value) {
        var index = rows.length;
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
        items.appendChild(li);
        slot(path + "." + index + ".source", select, li.firstChild);
        slot(path + "." + index + ".quote", quote, quoteBox);
        var row = { select: select, quote: quote, where: where };
        [select, quote].forEach(function (control) {
          control.addEventListener("input", touch(path + "." + index + ".quote"));
          control.addEventListener("change", touch(path + "." + index + ".quote"));
        });
        remove.addEventListener("click", function () {
          var values = readAll().filter(function (_, i) {
            return i !== index;
          });
          write(values);
          schedule();
        });
        rows.push(row);
        return row;
      }

      function readAll() {
        return rows.map(function (row) {
          var value = {};
          if (row.select.value) value.source = row.select.value;
          var quote = strip(nfc(row.quote.value).replace(/\s*\n\s*/g, " "));
          if (quote) value.quote = quote;
          return value;
        });
      }

      function write(values) {
        items.textContent = "";
        rows = [];
        Object.keys(slots).forEach(function (key) {
          if (key.indexOf(path + ".") === 0) delete slots[key];
        });
        (values || []).forEach(addRow);
      }

      var manual = el("button", { type: "button", class: "md-button", text: "Thêm trích dẫn gõ tay" });
      manual.addEventListener("click", function () {
        addRow(null).quote.focus();
        schedule();
      });
      box.appendChild(picker(function (source, quote) {
        var empty = rows.filter(function (row) {
          return !strip(row.quote.value);
        })[0];
        var row = empty || addRow(null);
        row.select.value = source;
        row.quote.value = quote;
        state.touched[path] = true;
        schedule();
        return rows.indexOf(row) + 1;
      }));
      box.appendChild(manual);

      return {
        read: function () {
          var values = readAll().filter((value) => Object.keys(value).length);
          return values.length ? values : undefined;
        },
        write: write,
        rows: function () {
          return rows;
        },
      };
    }

    // Choose a source, find a paragraph, select words (drag, or click the first and the last
    // word): the quote is the paragraph's own text between them, verbatim.
    function picker(use) {
      var box = el("div", { class: "kb-picker" });
      var heading = el("p", { class: "kb-picker__title", text: "Chọn trích dẫn trong nguồn" });
      var sourceId = newId("picker-source");
      var searchId = newId("picker-search");
      var select = sourceSelect(sourceId, "");
      var search = el("input", { id: searchId, type: "search", autocomplete: "off", placeholder: "Tìm chữ trong các đoạn" });
      var help = el("p", {
        class: "kb-hint",
        id: newId("picker-help"),
        text:
          "Bôi đen các chữ cần trích trong một đoạn, hoặc bấm vào chữ đầu rồi chữ cuối. " +
          "Dùng bàn phím: nút “Trích cả đoạn”, rồi xóa bớt trong ô trích dẫn.",
      });
      var paragraphs = el("ol", { class: "kb-picker__paragraphs", tabindex: "0", "aria-label": "Các đoạn của nguồn", hidden: true });
      var chosenText = el("p", { class: "kb-picker__chosen", "aria-live": "polite" });
      var useButton = el("button", { type: "button", class: "md-button md-button--primary", text: "Thêm vào bằng chứng", hidden: true });
      box.appendChild(heading);
      box.appendChild(el("div", { class: "kb-picker__controls" }, [
        el("span", { class: "kb-field" }, [el("label", { for: sourceId, text: "Nguồn" }), select]),
        el("span", { class: "kb-field" }, [el("label", { for: searchId, text: "Tìm trong nguồn" }), search]),
      ]));
      box.appendChild(help);
      box.appendChild(paragraphs);
      box.appendChild(chosenText);
      box.appendChild(useButton);
      var choice = null; // {n, text, start, end}
      var clickStart = null;

      function show() {
        var source = sources[select.value];
        paragraphs.textContent = "";
        paragraphs.hidden = !source;
        if (!source) return;
        var query = fold(search.value).split(/\s+/).filter(Boolean);
        source.paragraphs.forEach(function (p) {
          var text = p[3];
          var folded = fold(text);
          if (!query.every((word) => folded.indexOf(word) >= 0)) return;
          var body = el("p", { class: "kb-picker__text", "data-n": p[0] });
          var pattern = /\S+/g;
          var last = 0;
          var match;
          while ((match = pattern.exec(text))) {
            if (match.index > last) body.appendChild(document.createTextNode(text.slice(last, match.index)));
            body.appendChild(el("span", { class: "kb-word", "data-start": match.index, "data-end": match.index + match[0].length, text: match[0] }));
            last = match.index + match[0].length;
          }
          if (last < text.length) body.appendChild(document.createTextNode(text.slice(last)));
          var whole = el("button", { type: "button", class: "md-button kb-picker__whole", text: "Trích cả đoạn " + p[0] });
          whole.addEventListener("click", function () {
            setChoice(p[0], text, 0, text.length);
          });
          paragraphs.appendChild(
            el("li", { class: "kb-picker__paragraph", "data-n": p[0] }, [
              el("span", { class: "kb-picker__number", text: "Đoạn " + p[0] + (p[1] !== "body" ? " · " + p[2] : "") }),
              body,
              whole,
            ])
          );
        });
        if (!paragraphs.children.length) paragraphs.appendChild(el("li", { text: "Không đoạn nào có các chữ này." }));
      }

      function setChoice(n, text, a, b) {
        var quote = strip(text.slice(a, b));
        if (!quote) return;
        choice = { n: n, quote: quote };
        paragraphs.querySelectorAll(".kb-word").forEach(function (word) {
          var inside = word.parentNode.dataset.n === String(n) && +word.dataset.start >= a && +word.dataset.end <= b;
          word.classList.toggle("kb-word--chosen", inside);
        });
        chosenText.textContent = "Đã chọn (đoạn " + n + "): “" + quote + "”";
        useButton.hidden = false;
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

      function fromSelection() {
        var selection = window.getSelection();
        if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
        var range = selection.getRangeAt(0);
        var body = paragraphOf(range.startContainer);
        if (!body || !paragraphs.contains(body)) return false;
        var source = sources[select.value];
        var p = source.paragraphs.filter((item) => String(item[0]) === body.dataset.n)[0];
        // A quote stays in one paragraph: a drag past its end stops at its end.
        var end = body === paragraphOf(range.endContainer) ? offsetIn(body, range.endContainer, range.endOffset) : p[3].length;
        setChoice(p[0], p[3], offsetIn(body, range.startContainer, range.startOffset), end);
        clickStart = null;
        return true;
      }

      paragraphs.addEventListener("mouseup", function () {
        setTimeout(fromSelection, 0);
      });
      paragraphs.addEventListener("click", function (event) {
        var word = event.target.closest ? event.target.closest(".kb-word") : null;
        if (!word || (window.getSelection() && !window.getSelection().isCollapsed)) return;
        var body = word.parentNode;
        var n = +body.dataset.n;
        var text = sources[select.value].paragraphs.filter((item) => item[0] === n)[0][3];
        if (clickStart && clickStart.n === n) {
          var a = Math.min(clickStart.start, +word.dataset.start);
          var b = Math.max(clickStart.end, +word.dataset.end);
          setChoice(n, text, a, b);
          clickStart = null;
        } else {
          clickStart = { n: n, start: +word.dataset.start, end: +word.dataset.end };
          setChoice(n, text, clickStart.start, clickStart.end);
          chosenText.textContent += " — bấm chữ cuối của đoạn cần trích.";
        }
      });
      select.addEventListener("change", function () {
        choice = null;
        useButton.hidden = true;
        chosenText.textContent = "";
        show();
      });
      search.addEventListener("input", show);
      useButton.addEventListener("click", function () {
        if (!choice) return;
        var number = use(select.value, choice.quote);
        chosenText.textContent = "Đã thêm vào trích dẫn " + number + ". Tìm đoạn cho trích dẫn tiếp theo, hoặc chọn tiếp trong đoạn này.";
        useButton.hidden = true;
        choice = null;
        paragraphs.querySelectorAll(".kb-word--chosen").forEach((word) => word.classList.remove("kb-word--chosen"));
        // Ready for the next quote: typing replaces the last search.
        search.focus();
        search.select();
      });
      return box;
    }

    // ---------------------------------------------------------------- entities

    function entityChoices() {
      return data.entities
        .map(function (entity) {
          return { id: entity.id, label: entity.name, also: entity.aliases, detail: kindLabel(entity.kind) };
        })
        .concat(
          newEntities.map(function (entity) {
            var name = entity.read().name || entity.id;
            return { id: entity.id, label: name, detail: "(đối tác mới)" };
          })
        );
    }

    function kindLabel(kind) {
      var found = data.vocabularies.EntityKind.filter((item) => item.value === kind)[0];
      return found ? "(" + found.label.toLowerCase() + ")" : "";
    }

    function createEntity(name) {
      if (!name) return null;
      var entity = addNewEntity({ name: name, id: slugify(name) });
      return entity.id;
    }

    function addNewEntity(value) {
      entitiesBox.hidden = false;
      var schema = data.entity_schema;
      var index = newEntities.length;
      var path = "entity." + index;
      var box = el("fieldset", { class: "kb-field kb-group kb-new-entity" }, [el("legend", { text: "Đối tác mới " + (index + 1) })]);
      entitiesBox.appendChild(box);
      var parts = {};
      data.entity_fields.forEach(function (key) {
        var property = unwrap(schema.properties[key]);
        var required = (schema.required || []).indexOf(key) >= 0;
        parts[key] = makeWidget(key, path + "." + key, property, required, box, schema);
      });
      var entity = {
        id: value.id,
        read: function () {
          var out = {};
          Object.keys(parts).forEach(function (key) {
            var item = parts[key].read();
            if (item !== undefined) out[key] = item;
          });
          return out;
        },
      };
      var auto = true;
      parts.id.control.addEventListener("input", function () {
        auto = false;
      });
      parts.name.control.addEventListener("input", function () {
        if (auto) parts.id.write(slugify(parts.name.read() || ""));
      });
      Object.keys(parts).forEach((key) => parts[key].write(value[key]));
      box.querySelector("[data-field=id] > label").firstChild.textContent = "Mã đối tác";
      var remove = el("button", { type: "button", class: "md-button kb-remove", text: "Bỏ đối tác mới " + (index + 1) });
      remove.addEventListener("click", function () {
        newEntities.splice(newEntities.indexOf(entity), 1);
        box.remove();
        widgets.forEach(function (widget) {
          if (widget.remove) widget.remove(entity.id);
        });
        entitiesBox.hidden = newEntities.length === 0;
        schedule();
      });
      box.appendChild(remove);
      entity.parts = parts;
      newEntities.push(entity);
      setTimeout(function () {
        parts.kind.control && parts.kind.control.focus();
      }, 0);
      return entity;
    }

    // ---------------------------------------------------------------- from the schema

    function currentSchema() {
      return types[state.type].schema;
    }

    function makeWidget(name, path, property, required, container, schema) {
      var description = property.description;
      var refs = schema === data.entity_schema ? { part_of: "entity", country: "entity" } : types[state.type].references;
      var ref = defName(property);
      if (name === "id") return textWidget(name, path, required, description, container, false);
      if (name === "source") return sourceWidget(name, path, required, description, container);
      if (ref && schema.$defs[ref].enum) {
        return enumWidget(name, path, required, description, container, data.vocabularies[ref], property.default);
      }
      if (ref === "Figure") return objectWidget(name, path, schema.$defs.Figure, container, labels[name]);
      if (ref === "DateBound") return objectWidget(name, path, schema.$defs.DateBound, container, labels[name]);
      if (property.oneOf) return dateWidget(name, path, required, description, container);
      if (property.type === "array") {
        var items = property.items || {};
        if (items.const) return flagWidget(name, path, container, items.const);
        if (items.$ref === "#/$defs/Evidence") return evidenceWidget(name, path, required, description, container);
        if (items.$ref === "#/$defs/Figure") return listOfObjects(name, path, schema.$defs.Figure, container, "Số liệu", "Thêm số liệu");
        if (items.$ref === "#/$defs/Role") return listOfObjects(name, path, schema.$defs.Role, container, "Chức vụ", "Thêm chức vụ");
        if (items.$ref === "#/$defs/Reference") return keptWidget(name, path, container);
        if (items.pattern && items.pattern.indexOf("a-z0-9") >= 0) {
          if (refs[name] === "theme") {
            return checkboxesWidget(name, path, required, description, container, data.themes.map((t) => ({ id: t.id, label: t.title })));
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
      return textWidget(name, path, required, description, container, data.long_text.indexOf(name) >= 0);
    }

    function recordChoices() {
      return data.records
        .filter((record) => !editing || record.data.id !== editing.data.id)
        .map(function (record) {
          return { id: record.data.id, label: record.data.title, detail: "(" + types[record.folder].label + ")" };
        });
    }

    var idWidget = null;
    var idAuto = true;

    function buildFields(values) {
      fieldsBox.textContent = "";
      widgets = [];
      Object.keys(slots).forEach(function (key) {
        if (key.indexOf("entity.") !== 0) delete slots[key];
      });
      var schema = currentSchema();
      var main = el("div", { class: "kb-propose__main" });
      var more = el("details", { class: "kb-propose__more" }, [el("summary", { text: "Trường khác (ít dùng): tên tiếng Anh, mốc thời gian, số liệu, ghi chú…" })]);
      fieldsBox.appendChild(main);
      fieldsBox.appendChild(more);
      // The steps of CONTRIBUTING.md lead (the title makes the id, quotes come before the
      // summary written from them); every other field in the schema's order, the order of
      // the file (its date and place, then the type's own fields, then themes and links).
      var first = ["title", "id", "evidence", "summary"];
      var order = first.concat(Object.keys(schema.properties).filter((name) => first.indexOf(name) < 0));
      order.forEach(function (name) {
        if (name === "former_ids" && !(values && values.former_ids)) return;
        var property = unwrap(schema.properties[name]);
        var required = schema.required.indexOf(name) >= 0;
        var container = data.seldom_used.indexOf(name) >= 0 ? more : main;
        var widget = makeWidget(name, name, property, required, container, schema);
        widget.name = name;
        widgets.push(widget);
      });
      idWidget = widgets.filter((widget) => widget.name === "id")[0];
      idWidget.control.readOnly = !!editing;
      idWidget.control.addEventListener("input", function () {
        idAuto = false;
      });
      var titleWidget = widgets.filter((widget) => widget.name === "title")[0];
      titleWidget.control.addEventListener("input", function () {
        if (idAuto && !editing) idWidget.write(slugify(titleWidget.read() || ""));
      });
      if (values) {
        widgets.forEach(function (widget) {
          widget.write(values[widget.name]);
        });
        var opened = data.seldom_used.some((name) => values[name] !== undefined);
        if (opened) more.open = true;
      }
    }

    // The record in the schema's key order (the canonical order), whatever the form's order.
    function collect() {
      var record = {};
      var values = {};
      widgets.forEach(function (widget) {
        values[widget.name] = widget.read();
      });
      Object.keys(currentSchema().properties).forEach(function (name) {
        if (values[name] !== undefined) record[name] = values[name];
      });
      if (record.former_ids) record.former_ids.sort();
      return record;
    }

    // ---------------------------------------------------------------- checks (validate.py)

    function fieldLabel(path) {
      var parts = [];
      path.forEach(function (part) {
        if (typeof part === "number") parts[parts.length - 1] = (parts.length ? parts[parts.length - 1] : "") + "[" + (part + 1) + "]";
        else parts.push(part);
      });
      return parts.join(".") || "tệp";
    }

    function describe(value) {
      if (Array.isArray(value)) return "một danh sách";
      if (value && typeof value === "object") return "một bảng khóa–giá trị";
      if (value === undefined || value === null) return "giá trị rỗng";
      return "“" + value + "”";
    }

    function longestPrefix(source, quote) {
      function find(text) {
        for (var i = 0; i < source.collapsed.length; i += 1) if (source.collapsed[i][1].indexOf(text) >= 0) return source.collapsed[i][0];
        return null;
      }
      var low = 0;
      var high = quote.length;
      var where = 0;
      while (low < high) {
        var middle = Math.floor((low + high + 1) / 2);
        var found = find(quote.slice(0, middle));
        if (found === null) high = middle - 1;
        else {
          low = middle;
          where = found;
        }
      }
      return [low, where];
    }

    // validate._check_quotes: the paragraph a quote is in, or the validator's message.
    function quoteCheck(sourceId, quote) {
      var source = sources[sourceId];
      if (!source || !quote) return { paragraph: null };
      var normalized = collapse(nfc(quote));
      for (var i = 0; i < source.collapsed.length; i += 1) {
        if (source.collapsed[i][1].indexOf(normalized) >= 0) return { paragraph: source.collapsed[i][0] };
      }
      var prefix = longestPrefix(source, normalized);
      var detail;
      if (prefix[0] >= 10) {
        detail =
          "; khớp với đoạn " + prefix[1] + " đến “…" + normalized.slice(Math.max(0, prefix[0] - 30), prefix[0]) +
          "”, sau đó khác nguồn (nguồn không có “" + normalized.slice(prefix[0], prefix[0] + 30) + "…”)";
      } else {
        detail = "; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)";
      }
      return { message: "trích dẫn không có nguyên văn trong nguồn “" + sourceId + "”" + detail };
    }

    function check(record, entityData) {
      var problems = [];
      function add(path, message) {
        problems.push({ path: path, message: message });
      }
      var schema = currentSchema();
      var folder = state.type;
      schema.required.forEach(function (name) {
        if (record[name] === undefined) add([name], "thiếu trường bắt buộc “" + name + "”");
      });
      checkStrings(record, [], add);
      // the id: a slug, unique among records (the file being corrected is the same record)
      if (record.id !== undefined) {
        if (!SLUG.test(record.id)) {
          add(["id"], "“id” = “" + record.id + "” không phải mã hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”");
        } else if (records[record.id] && !(editing && editing.data.id === record.id)) {
          // The validator reads the folders in the types' order and reports on the later file.
          var other = records[record.id];
          var order = data.types.map((type) => type.folder);
          var word = order.indexOf(other.folder) <= order.indexOf(folder) ? "đã dùng ở " : "cũng dùng ở ";
          add(["id"], "mã bản ghi “" + record.id + "” " + word + other.path + "; mỗi bản ghi một mã riêng");
        }
      }
      // dates
      var span = null;
      if (record.date !== undefined) span = checkSpan(record.date, ["date"], add);
      if (record.date_unspecified_year !== undefined) {
        var dm = /^XXXX-(\d{2})-(\d{2})$/.exec(record.date_unspecified_year);
        if (!dm) {
          add(["date_unspecified_year"], "“date_unspecified_year”: “" + record.date_unspecified_year + "” không đúng dạng: viết XXXX-MM-DD khi nguồn chỉ nêu ngày và tháng (ví dụ XXXX-09-28 cho “Chiều 28/9”)");
        } else if (!(+dm[1] >= 1 && +dm[1] <= 12 && +dm[2] >= 1 && +dm[2] <= daysIn(2000, +dm[1]))) {
          add(["date_unspecified_year"], "“date_unspecified_year”: “" + record.date_unspecified_year + "”: ngày " + +dm[2] + "/" + +dm[1] + " không có thật trên lịch");
        }
        if (record.date !== undefined) add(["date_unspecified_year"], "ghi “date” hoặc “date_unspecified_year”, không ghi cả hai");
      }
      var bounds = {};
      ["not_before", "not_after"].forEach(function (name) {
        var bound = record[name];
        if (!bound) return;
        ["date", "source", "quote"].forEach(function (key) {
          if (bound[key] === undefined) add([name], "thiếu trường bắt buộc “" + key + "”");
        });
        if (bound.date !== undefined) {
          try {
            bounds[name] = parseDate(bound.date);
          } catch (error) {
            add([name, "date"], "“" + name + ".date”: " + error.message);
          }
        }
        if (bound.source && bound.quote) {
          var result = quoteCheck(bound.source, bound.quote);
          if (result.message) add([name, "quote"], result.message);
        }
      });
      if (bounds.not_before && bounds.not_after && before(latest(bounds.not_after), earliest(bounds.not_before))) {
        add(["not_after", "date"], "mốc “không muộn hơn” " + iso(bounds.not_after) + " sớm hơn mốc “không sớm hơn” " + iso(bounds.not_before));
      }
      if (span) {
        var end = span.end || span.start;
        if (bounds.not_before && before(latest(end), earliest(bounds.not_before))) {
          add(["not_before", "date"], "ngày " + iso(span.start) + " sớm hơn mốc “không sớm hơn”");
        }
        if (bounds.not_after && before(latest(bounds.not_after), earliest(span.start))) {
          add(["not_after", "date"], "ngày " + iso(span.start) + " muộn hơn mốc “không muộn hơn”");
        }
      }
      // evidence: each quote verbatim in one paragraph of its source
      var quotes = [];
      (record.evidence || []).forEach(function (item, index) {
        if (item.source === undefined) add(["evidence", index], "thiếu trường bắt buộc “source”");
        if (item.quote === undefined) add(["evidence", index], "thiếu trường bắt buộc “quote”");
        if (item.quote) quotes.push(collapse(item.quote));
        if (item.source && item.quote) {
          var result = quoteCheck(item.source, item.quote);
          if (result.message) add(["evidence", index, "quote"], result.message);
        }
      });
      var cited = (record.evidence || []).map((item) => sources[item.source]).filter(Boolean);
      // validate/rules/placements.py: something ongoing an undated article only mentions may stay undated when its date_note says so
      var unknownAndSaid = record.status === "ongoing" && record.date_note;
      if (record.evidence && !(span || bounds.not_before || bounds.not_after || cited.some((s) => s.published) || unknownAndSaid)) {
        add(
          ["evidence"],
          "bản ghi “" + record.id + "” chưa có mốc thời gian nào: nguồn được trích không có ngày đăng; ghi “date”, hoặc “not_before”/“not_after” với câu nguồn nêu mốc (ví dụ giai đoạn mà bài viết tổng kết)"
        );
      }
      // figures appear in the quotes
      var figures = (record.figures || []).map((figure, index) => [["figures", index], figure]);
      if (record.personnel) figures.push([["personnel"], record.personnel]);
      figures.forEach(function (pair) {
        var figure = pair[1];
        ["value", "unit", "as_stated"].forEach(function (key) {
          if (figure[key] === undefined) add(pair[0], "thiếu trường bắt buộc “" + key + "”");
        });
        if (figure.value !== undefined) checkInteger(figure.value, pair[0].concat("value"), 0, add);
        if (figure.as_of !== undefined) {
          try {
            parseDate(figure.as_of);
          } catch (error) {
            add(pair[0].concat("as_of"), "“" + fieldLabel(pair[0].concat("as_of")) + "”: " + error.message);
          }
        }
        var stated = figure.as_stated;
        if (stated && !quotes.some((quote) => quote.indexOf(collapse(stated)) >= 0)) {
          add(pair[0].concat("as_stated"), "số liệu “" + stated + "” không có trong trích dẫn nào của bản ghi; trích thêm câu nêu số liệu vào evidence");
        }
      });
      if (record.edition !== undefined) checkInteger(record.edition, ["edition"], 1, add);
      // references
      (record.related || []).forEach(function (other, index) {
        if (other === record.id) add(["related", index], "bản ghi không thể liên quan tới chính nó");
      });
      ["themes", "entities", "mentioned", "related", "tags", "search_aliases"].forEach(function (name) {
        var seen = {};
        (record[name] || []).forEach(function (value, index) {
          if (seen[value]) add([name, index], "“" + fieldLabel([name]) + "”: “" + value + "” được ghi hai lần; xóa một lần");
          seen[value] = true;
        });
      });
      // names: English names say whether a source has them
      checkEnglish(record, "title_en", add);
      checkPlaceholders(record, [], add);
      // new entities: a second file each
      entityData.forEach(function (entity, index) {
        var prefix = ["entity", index];
        (data.entity_schema.required || []).forEach(function (name) {
          if (entity[name] === undefined) add(prefix.concat(name), "thiếu trường bắt buộc “" + name + "”");
        });
        if (entity.id !== undefined) {
          if (!SLUG.test(entity.id)) {
            add(prefix.concat("id"), "“id” = “" + entity.id + "” không phải mã hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”");
          } else if (entities[entity.id]) {
            add(prefix.concat("id"), "mã đối tác “" + entity.id + "” đã dùng ở data/entities/" + entity.id + ".yml; mỗi đối tác một mã riêng");
          }
        }
        checkEnglish(entity, "name_en", function (path, message) {
          add(prefix.concat(path), message);
        });
        (entity.aliases || []).forEach(function (alias, i) {
          if (!foundInSources(alias)) add(prefix.concat(["aliases", i]), "tên khác “" + alias + "” không có trong nguồn nào: tên ngoài nguồn ghi vào search_aliases");
        });
      });
      return problems;
    }

    function checkInteger(value, path, minimum, add) {
      if (!/^[+-]?\d+$/.test(String(value).trim())) {
        add(path, "“" + fieldLabel(path) + "” phải là số nguyên (không dấu chấm, dấu phẩy), không phải " + describe(value));
      } else if (+value < minimum) {
        add(path, "“" + fieldLabel(path) + "” phải lớn hơn hoặc bằng " + minimum);
      }
    }

    function checkSpan(value, path, add) {
      var label = "“" + fieldLabel(path) + "”: ";
      try {
        if (typeof value === "string") return { start: parseDate(value), end: null };
        if (value.start === undefined) throw new Error("khoảng thời gian cần “start” (ngày bắt đầu, dạng YYYY[-MM[-DD]])");
        var start = parseDate(value.start);
        if (value.end === undefined) return { start: start, end: null };
        var end = parseDate(value.end);
        if (before(latest(end), earliest(start))) {
          throw new Error("ngày kết thúc " + iso(end) + " sớm hơn ngày bắt đầu " + iso(start) + "; kiểm tra lại hoặc đổi chỗ hai ngày");
        }
        return { start: start, end: end };
      } catch (error) {
        add(path, label + error.message);
        return null;
      }
    }

    // Text fields the schema requires to hold something (Text: at least one non-space).
    function checkStrings(record, path, add) {
      Object.keys(record).forEach(function (name) {
        var value = record[name];
        if (typeof value === "string" && !/\S/.test(value)) add(path.concat(name), "“" + fieldLabel(path.concat(name)) + "” không được để trống");
      });
    }

    function foundInSources(text) {
      var needle = collapse(text).toLowerCase();
      return sourceTexts.some((pair) => pair[1].indexOf(needle) >= 0);
    }

    function checkEnglish(item, field, add) {
      var english = item[field];
      if (!english) return;
      var marked = (item.not_in_sources || []).indexOf(field) >= 0;
      if (/(^|[^\p{L}\p{N}_])Vietnam(?![\p{L}\p{N}_])/u.test(english)) {
        add([field], "viết “Viet Nam”, không viết “Vietnam”, trong tên tiếng Anh: “" + english + "”");
      }
      if (!marked && !foundInSources(english)) {
        add(
          [field],
          "tên tiếng Anh “" + english + "” không có trong nguồn nào: ghi “not_in_sources: [" + field +
            "]” để trang ghi rõ là tên do biên tập viên dịch, hoặc xóa trường này"
        );
      } else if (marked && foundInSources(english)) {
        add(["not_in_sources"], "tên tiếng Anh “" + english + "” có trong nguồn: xóa “" + field + "” khỏi not_in_sources");
      }
    }

    function checkPlaceholders(value, path, add) {
      if (typeof value === "string") {
        if (strip(value).indexOf(data.placeholder) === 0) {
          add(path, "“" + fieldLabel(path) + "” vẫn là chỗ trống mẫu (“" + data.placeholder + "…”); hãy điền");
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => checkPlaceholders(item, path.concat(index), add));
      } else if (value && typeof value === "object") {
        Object.keys(value).forEach((key) => checkPlaceholders(value[key], path.concat(key), add));
      }
    }

    // ---------------------------------------------------------------- showing problems

    function slotFor(path) {
      for (var depth = path.length; depth > 0; depth -= 1) {
        var key = path.slice(0, depth).join(".");
        if (slots[key]) return { key: key, slot: slots[key] };
      }
      return null;
    }

    function visible(path) {
      if (state.showAll) return true;
      var key = path.join(".");
      return Object.keys(state.touched).some(function (touched) {
        return key === touched || key.indexOf(touched + ".") === 0 || touched.indexOf(key + ".") === 0;
      });
    }

    function showProblems(problems) {
      Object.keys(slots).forEach(function (key) {
        var s = slots[key];
        s.box.hidden = true;
        s.box.textContent = "";
        if (s.control) s.control.removeAttribute("aria-invalid");
      });
      problemList.textContent = "";
      problems.forEach(function (problem) {
        var found = slotFor(problem.path);
        if (found && visible(problem.path)) {
          var line = el("span", { class: "kb-error__line", text: problem.message });
          found.slot.box.appendChild(line);
          found.slot.box.hidden = false;
          if (found.slot.control) found.slot.control.setAttribute("aria-invalid", "true");
        }
        var where = problem.path[0] === "entity" ? "Đối tác mới " + (problem.path[1] + 1) : labels[problem.path[0]] || problem.path[0];
        var target = found && found.slot.control ? found.slot.control : null;
        var item = el("li", {}, [
          target ? el("a", { href: "#" + target.id, text: where }) : el("strong", { text: where }),
          ": " + problem.message,
        ]);
        problemList.appendChild(item);
      });
      status.textContent = problems.length
        ? "Còn " + problems.length + " điều cần sửa trước khi gửi (máy kiểm tra của kho dữ liệu sẽ báo như vậy)."
        : "Không có lỗi: bản ghi sẵn sàng để gửi.";
      status.classList.toggle("kb-propose__status--ok", problems.length === 0);
    }

    // ---------------------------------------------------------------- previews

    function entityName(id) {
      if (entities[id]) return entities[id].name;
      var created = newEntities.filter((entity) => entity.id === id)[0];
      return created ? created.read().name || id : id;
    }

    function vocabularyLabel(defname, value) {
      var found = (data.vocabularies[defname] || []).filter((item) => item.value === value)[0];
      return found ? found.label : value;
    }

    function renderPage(record) {
      var schema = currentSchema();
      var type = types[state.type];
      pagePreview.textContent = "";
      var article = el("article", { class: "kb-propose__article" });
      article.appendChild(el("p", { class: "kb-propose__crumbs", text: "Tra cứu › " + type.label_plural }));
      article.appendChild(el("p", { class: "kb-propose__page-title", text: record.title || "(chưa có tiêu đề)" }));
      if (record.title_en) article.appendChild(el("p", { lang: "en" }, [el("em", { text: record.title_en })]));
      var rows = [];
      var when;
      try {
        when = placementWords(record) || "Nguồn không nêu";
      } catch (error) {
        when = "(ngày chưa hợp lệ)";
      }
      rows.push(["Thời gian", when + referenceMark(record, "date") + (record.date_note ? " (" + record.date_note + ")" : "")]);
      Object.keys(type.references).forEach(function (name) {
        if (type.references[name] !== "entity" || record[name] === undefined) return;
        var ids = Array.isArray(record[name]) ? record[name] : [record[name]];
        rows.push([data.role_labels[name] ? capital(data.role_labels[name]) : labels[name], ids.map(entityName).join(", ")]);
      });
      ["kind", "doc_type", "unit_type"].forEach(function (name) {
        var ref = schema.properties[name] && defName(schema.properties[name]);
        if (ref && record[name]) rows.push([labels[name], vocabularyLabel(ref, record[name])]);
      });
      ["number", "subject", "stated_in", "area", "location"].forEach(function (name) {
        if (record[name]) rows.push([labels[name], record[name] + referenceMark(record, name)]);
      });
      rows.push(["Tình trạng", statusWords(record)]);
      rows.push(["Chủ đề", (record.themes || []).map((id) => themeTitles[id] || id).join(", ")]);
      if (record.tags) rows.push(["Nhãn", record.tags.join(", ")]);
      var table = el("table", {}, [el("caption", { class: "kb-visually-hidden", text: "Thông tin chính" })]);
      var body = el("tbody", {});
      rows.forEach(function (row) {
        body.appendChild(el("tr", {}, [el("th", { scope: "row", text: row[0] }), el("td", { text: row[1] })]));
      });
      table.appendChild(body);
      article.appendChild(el("div", { class: "kb-propose__facts" }, [table]));
      (record.summary || "").split(/\n{2,}/).forEach(function (paragraph) {
        if (paragraph) article.appendChild(el("p", { text: paragraph.replace(/\n/g, " ") }));
      });
      var figures = (record.figures || []).concat(record.personnel ? [record.personnel] : []);
      if (figures.length) {
        article.appendChild(el("p", { class: "kb-propose__section", text: "Số liệu" }));
        var list = el("ul", {});
        figures.forEach(function (figure) {
          var qualifier = vocabularyLabel("Qualifier", figure.qualifier || "exact");
          var number = String(figure.value || "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
          list.appendChild(el("li", { text: [qualifier, number, figure.unit].filter(Boolean).join(" ") + " (nguồn viết: “" + (figure.as_stated || "") + "”)" }));
        });
        article.appendChild(list);
      }
      article.appendChild(el("p", { class: "kb-propose__section", text: "Bằng chứng" }));
      (record.evidence || []).forEach(function (item) {
        if (!item.quote) return;
        var found = quoteCheck(item.source, item.quote);
        article.appendChild(el("blockquote", { text: item.quote }));
        var source = sources[item.source];
        article.appendChild(
          el("p", { class: "kb-propose__cite", text: "— " + (source ? source.label : "(chưa chọn nguồn)") + (found.paragraph ? ", đoạn " + found.paragraph : "") })
        );
      });
      if (record.related) {
        article.appendChild(el("p", { class: "kb-propose__section", text: "Bản ghi liên quan" }));
        var related = el("ul", {});
        record.related.forEach(function (id) {
          related.appendChild(el("li", { text: records[id] ? records[id].data.title : id }));
        });
        article.appendChild(related);
      }
      if (record.editor_note) {
        article.appendChild(el("p", { class: "kb-propose__section", text: "Ghi chú biên tập" }));
        article.appendChild(el("p", { text: record.editor_note }));
      }
      pagePreview.appendChild(article);
    }

    // wording.format_placement on model.placement_of: the date, or the bounds the sources
    // justify (a stated bound, the publication date of a cited source).
    function placementWords(record) {
      if (record.date) {
        var start = parseDate(typeof record.date === "string" ? record.date : record.date.start);
        var end = typeof record.date === "object" && record.date.end ? parseDate(record.date.end) : null;
        if (!end) return dateWords(start);
        if (!start.month && !end.month) return "năm " + start.year + "–" + end.year;
        return dateWords(start) + " – " + dateWords(end);
      }
      var parts = [];
      var dayMonth = record.date_unspecified_year && /^XXXX-(\d{2})-(\d{2})$/.exec(record.date_unspecified_year);
      if (dayMonth) parts.push("ngày " + +dayMonth[2] + "/" + +dayMonth[1] + ", không rõ năm");
      var notBefore = record.not_before && record.not_before.date ? { date: parseDate(record.not_before.date), quote: true } : null;
      var candidates = [];
      if (record.not_after && record.not_after.date) candidates.push({ date: parseDate(record.not_after.date), quote: true });
      (record.evidence || []).forEach(function (item) {
        var source = sources[item.source];
        if (source && source.published) candidates.push({ date: parseDate(source.published), basis: source.published_kind });
      });
      var notAfter = null;
      candidates.forEach(function (bound) {
        var key = latest(bound.date).concat(bound.quote ? 0 : 1);
        var best = notAfter && latest(notAfter.date).concat(notAfter.quote ? 0 : 1);
        if (!notAfter || before(key, best)) notAfter = bound;
      });
      var yearly = notBefore && notAfter && notAfter.quote && !notBefore.date.month && !notAfter.date.month;
      if (yearly) {
        var same = notBefore.date.year === notAfter.date.year;
        parts.push(same ? "trong năm " + notAfter.date.year : "trong giai đoạn " + notBefore.date.year + "–" + notAfter.date.year);
      } else {
        if (notBefore) parts.push("không sớm hơn " + dateWords(notBefore.date));
        if (notAfter) parts.push("không muộn hơn " + dateWords(notAfter.date) + (notAfter.basis ? " (" + notAfter.basis + ")" : ""));
      }
      if (!parts.length) return "";
      var text = parts.join("; ");
      var stated = { planned: "kế hoạch", intended: "chủ trương", invited: "lời mời" }[record.status];
      return stated && !dayMonth ? stated + " được nêu " + text : text;
    }

    // render.provenance.value_mark: a value that rests on references names them (those that give
    // the value the file holds), and says when others give another.
    function referenceMark(record, field) {
      var given = (record.references || []).filter((reference) => reference.supports && field in reference.supports);
      if (!given.length) return "";
      var same = (reference) => String(reference.supports[field]) === String(record[field]);
      var agreeing = given.filter(same);
      var names = agreeing.map(function (reference) {
        var printed = reference.published && reference.published !== "không rõ" ? dateWords(parseDate(String(reference.published))) : "không rõ ngày đăng";
        return reference.publisher + ", " + printed;
      });
      var other = agreeing.length < given.length ? "; tài liệu khác nêu khác, xem mục Tài liệu tham khảo" : "";
      return " (theo tài liệu tham khảo: " + names.join("; ") + other + ")";
    }

    // render.summaries.status_text: a status other than "occurred" is dated by its source.
    function statusWords(record) {
      var status = record.status || "occurred";
      var label = vocabularyLabel("Status", status);
      if (status === "occurred") return label;
      var dated = (record.evidence || [])
        .map((item) => sources[item.source])
        .filter((source) => source && source.published);
      if (!dated.length) return label + " (theo nguồn, không rõ ngày đăng)";
      var first = dated.reduce((a, b) =>
        before(earliest(parseDate(b.published)), earliest(parseDate(a.published))) ? b : a
      );
      // a date a reposting page printed says so, as on the built pages
      var kind = first.published_by_reposting_page ? ", " + first.published_kind : "";
      return label + " (theo nguồn ngày " + dateWords(parseDate(first.published)) + kind + ")";
    }

    function capital(text) {
      return text.charAt(0).toUpperCase() + text.slice(1);
    }

    // Under each quote: the paragraph it was found in.
    function annotateEvidence() {
      widgets.forEach(function (widget) {
        if (!widget.rows) return;
        widget.rows().forEach(function (row) {
          var quote = strip(nfc(row.quote.value));
          if (!row.select.value || !quote) {
            row.where.textContent = "";
            return;
          }
          var result = quoteCheck(row.select.value, quote);
          row.where.textContent = result.paragraph ? "✓ Có nguyên văn trong đoạn " + result.paragraph + " của nguồn." : "";
        });
      });
    }

    // ---------------------------------------------------------------- sending

    function lineDiff(before_, after) {
      var a = before_.split("\n");
      var b = after.split("\n");
      var table = [];
      for (var i = a.length; i >= 0; i -= 1) {
        table[i] = [];
        for (var j = b.length; j >= 0; j -= 1) {
          table[i][j] = i === a.length || j === b.length ? 0 : a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
        }
      }
      var out = [];
      i = 0;
      j = 0;
      while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
          out.push([" ", a[i]]);
          i += 1;
          j += 1;
        } else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) {
          out.push(["+", b[j]]);
          j += 1;
        } else {
          out.push(["-", a[i]]);
          i += 1;
        }
      }
      return out;
    }

    function commitMessage(record) {
      var first = (editing ? "Sửa bản ghi: " : "Đề xuất bản ghi: ") + (record.title || record.id || "");
      return { message: first, description: data.checklist.join("\n") };
    }

    function newFileUrl(repository, branch, folder, filename, value, message) {
      return (
        repository.replace(/\/$/, "") + "/new/" + branch + "/" + folder +
        "?filename=" + encodeURIComponent(filename) +
        "&value=" + encodeURIComponent(value) +
        "&message=" + encodeURIComponent(message.message) +
        "&description=" + encodeURIComponent(message.description)
      );
    }

    function copyButton(text, label) {
      var button = el("button", { type: "button", class: "md-button", text: label });
      button.addEventListener("click", function () {
        var done = function () {
          button.textContent = "Đã sao chép";
          setTimeout(function () {
            button.textContent = label;
          }, 2000);
        };
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, done);
      });
      return button;
    }

    function downloadLink(text, filename, label) {
      var blob = new Blob([text], { type: "text/yaml;charset=utf-8" });
      return el("a", { class: "md-button", href: URL.createObjectURL(blob), download: filename, text: label });
    }

    var lastLinks = [];

    function renderSend(record, yaml, entityFiles, problems) {
      lastLinks.forEach((url) => URL.revokeObjectURL(url));
      lastLinks = [];
      sendBody.textContent = "";
      var type = types[state.type];
      var filename = (record.id || "ban-ghi") + ".yml";
      var folder = "data/" + type.folder;
      var repository = data.repository;
      if (problems.length) {
        var blocked = el("button", { type: "button", class: "md-button md-button--primary kb-propose__submit", text: editing ? "Mở trang sửa tệp trên GitHub" : "Mở pull request trên GitHub" });
        blocked.addEventListener("click", function () {
          state.showAll = true;
          update();
          status.focus();
          var first = problemList.querySelector("a");
          if (first) document.getElementById(first.getAttribute("href").slice(1)).focus();
        });
        status.setAttribute("tabindex", "-1");
        sendBody.appendChild(el("p", { text: "Sửa các điều trong phần “Kiểm tra” trước khi gửi; bấm nút để xem tất cả." }));
        sendBody.appendChild(blocked);
        return;
      }
      var message = commitMessage(record);
      if (editing) {
        var current = toYaml(orderKeys(editing.data, types[editing.folder].schema, types[editing.folder].schema));
        var edit = repository.replace(/\/$/, "") + "/" + data.edit_data_uri.replace(/^\/|\/$/g, "") + "/" + editing.path;
        sendBody.appendChild(el("p", { text: "Trang sửa tệp của GitHub không nhận nội dung điền sẵn. Các bước:" }));
        var steps = el("ol", { class: "kb-propose__steps" });
        steps.appendChild(el("li", {}, ["Bấm “Sao chép YAML” bên dưới."]));
        steps.appendChild(el("li", {}, [el("a", { href: edit, class: "md-button md-button--primary kb-propose__submit", target: "_blank", rel: "noopener", text: "Mở trang sửa tệp trên GitHub" })]));
        steps.appendChild(el("li", { text: "Trên GitHub, chọn hết nội dung tệp (Ctrl+A), dán nội dung mới (Ctrl+V)." }));
        steps.appendChild(el("li", { text: "Bấm “Commit changes…”, ghi vài chữ vì sao sửa, chọn “Propose changes”, rồi “Create pull request”." }));
        sendBody.appendChild(steps);
        sendBody.appendChild(el("p", {}, [copyButton(yaml, "Sao chép YAML"), " ", downloadLink(yaml, filename, "Tải tệp xuống")]));
        var diff = lineDiff(current, yaml);
        var changed = diff.some((line) => line[0] !== " ");
        sendBody.appendChild(el("h3", { text: changed ? "Thay đổi so với tệp hiện tại" : "Chưa có thay đổi nào so với tệp hiện tại" }));
        if (changed) {
          var pre = el("pre", { class: "kb-propose__diff", tabindex: "0", "aria-label": "Thay đổi so với tệp hiện tại" });
          diff.forEach(function (line) {
            if (line[0] === " ") pre.appendChild(document.createTextNode("  " + line[1] + "\n"));
            else pre.appendChild(el(line[0] === "+" ? "ins" : "del", { text: line[0] + " " + line[1] + "\n" }));
          });
          sendBody.appendChild(pre);
        }
        return;
      }
      var url = newFileUrl(repository, data.branch, folder, filename, yaml, message);
      var fits = url.length <= URL_LIMIT;
      var steps_ = el("ol", { class: "kb-propose__steps" });
      if (fits) {
        steps_.appendChild(
          el("li", {}, [
            el("a", { href: url, class: "md-button md-button--primary kb-propose__submit", target: "_blank", rel: "noopener", text: "Mở pull request trên GitHub" }),
            " GitHub mở trang tạo tệp " + folder + "/" + filename + " với nội dung đã điền.",
          ])
        );
      } else {
        sendBody.appendChild(
          el("p", { class: "kb-propose__note", text: "Bản ghi này dài quá giới hạn địa chỉ của GitHub (" + url.length + " > " + URL_LIMIT + " ký tự), nên không điền sẵn được: sao chép hoặc tải tệp xuống rồi làm theo các bước." })
        );
        steps_.appendChild(el("li", {}, ["Bấm ", copyButton(yaml, "Sao chép YAML"), " (hoặc ", downloadLink(yaml, filename, "Tải tệp xuống"), ")."]));
        steps_.appendChild(
          el("li", {}, [
            el("a", { href: repository.replace(/\/$/, "") + "/new/" + data.branch + "/" + folder + "?filename=" + encodeURIComponent(filename), class: "md-button md-button--primary kb-propose__submit", target: "_blank", rel: "noopener", text: "Mở trang tạo tệp trên GitHub" }),
            " rồi dán nội dung vào ô soạn thảo (tên tệp đã điền: " + filename + ").",
          ])
        );
      }
      steps_.appendChild(el("li", { text: "Bấm “Commit changes…” (hoặc “Propose new file”): nếu bạn không có quyền ghi, GitHub tạo bản sao kho (fork) và một nhánh cho bạn." }));
      steps_.appendChild(el("li", { text: "Trên trang tiếp theo, bấm “Create pull request”. Mẫu pull request nhắc các điều cần kiểm tra; máy kiểm tra chạy lại mọi bước." }));
      sendBody.appendChild(steps_);
      if (fits) sendBody.appendChild(el("p", {}, [copyButton(yaml, "Sao chép YAML"), " ", downloadLink(yaml, filename, "Tải tệp xuống")]));
      if (entityFiles.length) {
        sendBody.appendChild(el("h3", { text: "Tệp thứ hai: đối tác mới" }));
        sendBody.appendChild(
          el("p", {
            text:
              "Một liên kết của GitHub chỉ tạo được một tệp. Sau khi mở pull request cho bản ghi, thêm tệp đối tác vào cùng nhánh: " +
              "trên trang pull request có dòng “… wants to merge … from tên-bạn:patch-1”; chép phần “tên-bạn:patch-1” vào ô dưới đây.",
          })
        );
        var branchId = newId("branch");
        var branchInput = el("input", { id: branchId, type: "text", autocomplete: "off", placeholder: "tên-bạn:patch-1", value: state.branch || "" });
        sendBody.appendChild(el("div", { class: "kb-field" }, [el("label", { for: branchId, text: "Nhánh của bạn" }), branchInput]));
        var links = el("ul", {});
        sendBody.appendChild(links);
        var renderEntityLinks = function () {
          state.branch = strip(branchInput.value);
          links.textContent = "";
          var parts = state.branch.split(":");
          var repoName = repository.replace(/\/$/, "").split("/").pop();
          var base = parts.length === 2 ? "https://github.com/" + parts[0] + "/" + repoName : repository.replace(/\/$/, "");
          var branch = parts.length === 2 ? parts[1] : state.branch || data.branch;
          entityFiles.forEach(function (file) {
            var entityUrl = newFileUrl(base, branch, "data/entities", file.id + ".yml", file.yaml, {
              message: "Thêm đối tác: " + file.name,
              description: "",
            });
            var item = el("li", {});
            if (entityUrl.length <= URL_LIMIT && state.branch) {
              item.appendChild(el("a", { href: entityUrl, class: "md-button", target: "_blank", rel: "noopener", text: "Thêm tệp data/entities/" + file.id + ".yml vào nhánh " + state.branch }));
            } else {
              item.appendChild(document.createTextNode("data/entities/" + file.id + ".yml: "));
            }
            item.appendChild(document.createTextNode(" "));
            item.appendChild(copyButton(file.yaml, "Sao chép YAML đối tác"));
            item.appendChild(document.createTextNode(" "));
            item.appendChild(downloadLink(file.yaml, file.id + ".yml", "Tải tệp đối tác"));
            links.appendChild(item);
          });
        };
        branchInput.addEventListener("input", renderEntityLinks);
        renderEntityLinks();
      }
    }

    // ---------------------------------------------------------------- update loop

    var timer = null;

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    }

    var last = { yaml: "", entities: [] };
    // A proposal in progress is kept in this browser (never sent anywhere), so that closing
    // the tab or following a link loses nothing; a correction starts from the record's file.
    var DRAFT_KEY = "kb-propose:draft";
    var draftReady = false;

    function saveDraft(record, entityData) {
      if (editing || !draftReady) return;
      try {
        if (Object.keys(record).length || entityData.length) {
          window.localStorage.setItem(DRAFT_KEY, JSON.stringify({ type: state.type, record: record, entities: entityData, saved: Date.now() }));
        }
      } catch (error) {
        // storage may be full or disabled: the form works without it
      }
    }

    function offerDraft() {
      var draft = null;
      try {
        draft = JSON.parse(window.localStorage.getItem(DRAFT_KEY) || "null");
      } catch (error) {
        draft = null;
      }
      draftReady = true;
      if (!draft || !types[draft.type]) return;
      var saved = new Date(draft.saved);
      var note = el("div", { class: "kb-propose__note kb-propose__draft", role: "region", "aria-label": "Bản nháp" }, [
        el("p", {
          text:
            "Trình duyệt này còn giữ một đề xuất chưa gửi (“" + (draft.record.title || "chưa có tiêu đề") + "”, lưu lúc " +
            pad(saved.getHours()) + ":" + pad(saved.getMinutes()) + " ngày " + saved.getDate() + "/" + (saved.getMonth() + 1) + ").",
        }),
      ]);
      var restore = el("button", { type: "button", class: "md-button md-button--primary", text: "Tiếp tục bản nháp" });
      var discard = el("button", { type: "button", class: "md-button", text: "Bỏ bản nháp" });
      restore.addEventListener("click", function () {
        state.type = draft.type;
        form.querySelector("input[name=kb-type][value=" + draft.type + "]").checked = true;
        buildFields(draft.record);
        (draft.entities || []).forEach(addNewEntity);
        note.remove();
        update();
        form.querySelector(".kb-propose__fields input, .kb-propose__fields textarea").focus();
      });
      discard.addEventListener("click", function () {
        window.localStorage.removeItem(DRAFT_KEY);
        note.remove();
      });
      note.appendChild(el("p", {}, [restore, " ", discard]));
      form.insertBefore(note, form.firstChild);
    }

    function update() {
      var record = collect();
      var entityData = newEntities.map((entity) => entity.read());
      saveDraft(record, entityData);
      var problems = check(record, entityData);
      showProblems(problems);
      var yaml = toYaml(record);
      yamlCode.textContent = yaml;
      var entityFiles = entityData.map(function (entity, index) {
        var text = toYaml(entity);
        return { id: entity.id || "doi-tac-moi-" + (index + 1), name: entity.name || "", yaml: text };
      });
      last = { yaml: yaml, entities: entityFiles, problems: problems };
      renderPage(record);
      annotateEvidence();
      renderSend(record, yaml, entityFiles, problems);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);

    buildFields(editing ? editing.data : params.get("chu-de") ? { themes: [params.get("chu-de")] } : null);
    if (editing) idAuto = false;
    update();
    if (!editing) offerDraft();

    window.kbPropose = {
      slugify: slugify,
      toYaml: toYaml,
      orderKeys: orderKeys,
      newFileUrl: newFileUrl,
      URL_LIMIT: URL_LIMIT,
      current: function () {
        return last;
      },
    };
  }

  if (!mount) return;
  fetch(new URL(mount.dataset.formData, window.location.href))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      mount.textContent = "Không tải được dữ liệu của biểu mẫu (" + error.message + "). Tải lại trang để thử lại.";
    });
})();
