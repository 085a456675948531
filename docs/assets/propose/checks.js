// The checks of the validator (the package scripts/defence_kb/validate/: the schema's
// complaints worded by validate/messages.py, and the rules of validate/rules/), with its
// messages word for word, so an editor sees before sending what the pull request's check
// would say.

import { SLUG, collapse, nfc, strip } from "./text.js";
import { before, daysIn, earliest, iso, latest, parseDate } from "./dates.js";
import { ctx, currentSchema } from "./state.js";
import { checkReferenceList } from "./reference_checks.js";
import { checkHtml } from "./html_tags.js";

// A field as the form names it: its label ("Tóm tắt"), never its key ("summary"); an item
// of a list by its number ("Số liệu 2 › Đơn vị").
export function label(key) {
  return ctx.labels[key] || key;
}

export function fieldLabel(path) {
  var parts = [];
  path.forEach(function (part) {
    if (typeof part === "number") parts[parts.length - 1] = (parts.length ? parts[parts.length - 1] : "") + " " + (part + 1);
    else parts.push(label(part));
  });
  return parts.join(" › ") || "tệp";
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

// Words of `text` around a point, cut at word boundaries (never inside a word).
function wordsBefore(text, end, room) {
  var start = Math.max(0, end - room);
  var space = start > 0 ? text.indexOf(" ", start - 1) : -1;
  return text.slice(space >= 0 && space < end ? space + 1 : start, end);
}

function wordsAfter(text, start, room) {
  var end = Math.min(text.length, start + room);
  var space = end < text.length ? text.lastIndexOf(" ", end) : -1;
  return text.slice(start, space > start ? space : end);
}

// Where a quote leaves the source: after which words, at which word.
function divergence(source, normalized, prefix) {
  var wordStart = normalized.lastIndexOf(" ", prefix[0] - 1) + 1;
  return (
    "; khớp với đoạn " + prefix[1] + " đến “…" + wordsBefore(normalized, wordStart, 40).trim() +
    "”, rồi khác nguồn từ chữ “" + normalized.slice(wordStart).split(" ")[0] +
    "” (nguồn không có “" + wordsAfter(normalized, wordStart, 40) + "…”)"
  );
}

// A quote whose first word differs: where the rest of it is, and what the source writes.
function firstWordDivergence(source, normalized) {
  var space = normalized.indexOf(" ");
  var rest = space > 0 ? normalized.slice(space + 1) : "";
  var prefix = rest ? longestPrefix(source, rest) : [0, 0];
  if (prefix[0] < 10) return "; chép lại nguyên văn (chỉ được khác về khoảng trắng, và phải nằm trong một đoạn)";
  var paragraph = source.collapsed.filter((p) => p[0] === prefix[1])[0][1];
  var at = paragraph.indexOf(rest.slice(0, prefix[0]));
  var written = paragraph.slice(0, at).trim().split(" ").pop();
  return (
    "; khác nguồn ngay từ chữ đầu “" + normalized.slice(0, space) + "”: phần sau khớp với đoạn " + prefix[1] +
    (written ? ", nơi nguồn viết “" + written + " " + wordsAfter(rest, 0, 30) + "…”" : "")
  );
}

// validate/rules/quotes.py: the paragraph a quote is in, or what differs, the source by its name.
export function quoteCheck(sourceId, quote) {
  var source = ctx.sources[sourceId];
  if (!source || !quote) return { paragraph: null };
  var normalized = collapse(nfc(quote));
  for (var i = 0; i < source.collapsed.length; i += 1) {
    if (source.collapsed[i][1].indexOf(normalized) >= 0) return { paragraph: source.collapsed[i][0] };
  }
  var prefix = longestPrefix(source, normalized);
  var detail = prefix[0] >= 10 ? divergence(source, normalized, prefix) : firstWordDivergence(source, normalized);
  return { message: "trích dẫn không có nguyên văn trong nguồn “" + source.label + "”" + detail };
}

export function check(record, entityData) {
  var problems = [];
  function add(path, message) {
    problems.push({ path: path, message: message });
  }
  currentSchema().required.forEach(function (name) {
    if (record[name] === undefined) add([name], "thiếu trường bắt buộc “" + label(name) + "”");
  });
  checkStrings(record, [], add);
  checkId(record, add);
  var span = checkDates(record, add);
  var bounds = checkBounds(record, span, add);
  var quotes = checkEvidence(record, span, bounds, add);
  checkFigures(record, quotes, add);
  if (record.edition !== undefined) checkInteger(record.edition, ["edition"], 1, add);
  checkReferences(record, add);
  checkReferenceList(record, bounds, add);
  // names: English names say whether a source has them
  checkEnglish(record, "title_en", add);
  checkPlaceholders(record, [], add);
  checkNewEntities(entityData, add);
  return problems;
}

function checkId(record, add) {
  var folder = ctx.state.type;
  // the id: a slug, unique among records (the file being corrected is the same record)
  if (record.id !== undefined) {
    if (!SLUG.test(record.id)) {
      add(["id"], "“" + label("id") + "” = “" + record.id + "” không phải mã hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”");
    } else if (ctx.records[record.id] && !(ctx.editing && ctx.editing.data.id === record.id)) {
      // The validator reads the folders in the types' order and reports on the later file.
      var other = ctx.records[record.id];
      var order = ctx.data.types.map((type) => type.folder);
      var word = order.indexOf(other.folder) <= order.indexOf(folder) ? "đã dùng ở " : "cũng dùng ở ";
      add(["id"], "mã bản ghi “" + record.id + "” " + word + other.path + "; mỗi bản ghi một mã riêng");
    }
  }
}

function checkDates(record, add) {
  // dates
  var span = null;
  if (record.date !== undefined) span = checkSpan(record.date, ["date"], add);
  if (record.date_unspecified_year !== undefined) {
    var dm = /^XXXX-(\d{2})-(\d{2})$/.exec(record.date_unspecified_year);
    if (!dm) {
      add(["date_unspecified_year"], "“" + label("date_unspecified_year") + "”: “" + record.date_unspecified_year + "” không đúng dạng: viết XXXX-MM-DD khi nguồn chỉ nêu ngày và tháng (ví dụ XXXX-09-28 cho “Chiều 28/9”)");
    } else if (!(+dm[1] >= 1 && +dm[1] <= 12 && +dm[2] >= 1 && +dm[2] <= daysIn(2000, +dm[1]))) {
      add(["date_unspecified_year"], "“" + label("date_unspecified_year") + "”: “" + record.date_unspecified_year + "”: ngày " + +dm[2] + "/" + +dm[1] + " không có thật trên lịch");
    }
    if (record.date !== undefined) add(["date_unspecified_year"], "ghi “" + label("date") + "” hoặc “" + label("date_unspecified_year") + "”, không ghi cả hai");
  }
  if (span) checkFuture(record, span, add);
  return span;
}

// A date still to come cannot be of something that has happened: ask the editor.
function checkFuture(record, span, add) {
  var status = record.status || "occurred";
  var now = new Date();
  var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  if (status !== "occurred" || !before(today, earliest(span.start))) return;
  var occurred = (ctx.data.vocabularies.Status || []).filter((item) => item.value === "occurred")[0];
  add(
    ["date"],
    "ngày " + iso(span.start) + " ở tương lai, nhưng “" + label("status") + "” là “" + (occurred ? occurred.label : status) +
      "”: kiểm tra lại ngày, hoặc chọn tình trạng khác (kế hoạch, chủ trương, lời mời)"
  );
}

// not_before / not_after: each a date with its quote, in order, around the record's date.
function checkBounds(record, span, add) {
  var bounds = {};
  ["not_before", "not_after"].forEach(function (name) {
    var bound = record[name];
    if (!bound) return;
    ["date", "source", "quote"].forEach(function (key) {
      if (bound[key] === undefined) add([name], "thiếu trường bắt buộc “" + label(key) + "”");
    });
    if (bound.date !== undefined) {
      try {
        bounds[name] = parseDate(bound.date);
      } catch (error) {
        add([name, "date"], "“" + fieldLabel([name, "date"]) + "”: " + error.message);
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
  return bounds;
}

function checkEvidence(record, span, bounds, add) {
  // evidence: each quote verbatim in one paragraph of its source
  var quotes = [];
  (record.evidence || []).forEach(function (item, index) {
    if (item.source === undefined) add(["evidence", index], "thiếu trường bắt buộc “" + label("source") + "”");
    if (item.quote === undefined) add(["evidence", index], "thiếu trường bắt buộc “" + label("quote") + "”");
    if (item.quote) quotes.push(collapse(item.quote));
    if (item.source && item.quote) {
      var result = quoteCheck(item.source, item.quote);
      if (result.message) add(["evidence", index, "quote"], result.message);
    }
  });
  var cited = (record.evidence || []).map((item) => ctx.sources[item.source]).filter(Boolean);
  // validate/rules/placements.py: something ongoing an undated article only mentions may stay
  // undated when its date_note says so
  var unknownAndSaid = record.status === "ongoing" && record.date_note;
  var placed = span || bounds.not_before || bounds.not_after || cited.some((s) => s.published);
  if (record.evidence && !(placed || unknownAndSaid)) {
    add(
      ["date"],
      "bản ghi “" + record.id + "” chưa có mốc thời gian nào: nguồn được trích không có ngày đăng; ghi “" + label("date") + "”, hoặc “" + label("not_before") + "”/“" + label("not_after") + "” với câu nguồn nêu mốc (ví dụ giai đoạn mà bài viết tổng kết)"
    );
  }
  return quotes;
}

function checkFigures(record, quotes, add) {
  // figures appear in the quotes
  var figures = (record.figures || []).map((figure, index) => [["figures", index], figure]);
  if (record.personnel) figures.push([["personnel"], record.personnel]);
  figures.forEach(function (pair) {
    var figure = pair[1];
    ["value", "unit", "as_stated"].forEach(function (key) {
      if (figure[key] === undefined) add(pair[0], "thiếu trường bắt buộc “" + label(key) + "”");
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
      add(pair[0].concat("as_stated"), "số liệu “" + stated + "” không có trong trích dẫn nào của bản ghi; trích thêm câu nêu số liệu vào “" + label("evidence") + "”");
    }
  });
  // a mission's rotation appears in the quotes too
  var rotation = record.rotation;
  if (rotation) {
    ["value", "as_stated"].forEach(function (key) {
      if (rotation[key] === undefined) add(["rotation"], "thiếu trường bắt buộc “" + label(key) + "”");
    });
    if (rotation.value !== undefined) checkInteger(rotation.value, ["rotation", "value"], 1, add);
    if (rotation.as_stated && !quotes.some((quote) => quote.indexOf(collapse(rotation.as_stated)) >= 0)) {
      add(["rotation", "as_stated"], "lượt triển khai “" + rotation.as_stated + "” không có trong trích dẫn nào của bản ghi; trích thêm câu nêu lượt triển khai vào “" + label("evidence") + "”");
    }
  }
}

function checkReferences(record, add) {
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
}

function checkNewEntities(entityData, add) {
  // new entities: a second file each
  entityData.forEach(function (entity, index) {
    var prefix = ["entity", index];
    (ctx.data.entity_schema.required || []).forEach(function (name) {
      if (entity[name] === undefined) add(prefix.concat(name), "thiếu trường bắt buộc “" + label(name) + "”");
    });
    if (entity.id !== undefined) {
      if (!SLUG.test(entity.id)) {
        add(prefix.concat("id"), "“Mã đối tác” = “" + entity.id + "” không phải mã hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu gạch nối, ví dụ “hiep-dinh-fpa”");
      } else if (ctx.entities[entity.id]) {
        add(prefix.concat("id"), "mã đối tác “" + entity.id + "” đã dùng ở data/entities/" + entity.id + ".yml; mỗi đối tác một mã riêng");
      }
    }
    var inEntity = (path, message) => add(prefix.concat(path), message);
    checkEnglish(entity, "name_en", inEntity);
    checkHtml(entity, [], inEntity);
    (entity.aliases || []).forEach(function (alias, i) {
      if (!foundInSources(alias)) add(prefix.concat(["aliases", i]), "tên khác “" + alias + "” không có trong nguồn nào: tên ngoài nguồn ghi vào “" + label("search_aliases") + "”");
    });
  });
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
    if (value.start === undefined) throw new Error("khoảng thời gian cần ngày bắt đầu (dạng 2019, 2019-10, 2019-10-17 hoặc 17/10/2019)");
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
  checkHtml(record, path, add);
}

function foundInSources(text) {
  var needle = collapse(text).toLowerCase();
  return ctx.sourceTexts.some((pair) => pair[1].indexOf(needle) >= 0);
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
      "tên tiếng Anh “" + english + "” không có trong nguồn nào: đánh dấu “" + label(field) + "” trong “" + label("not_in_sources") +
        "” để trang ghi rõ là tên do biên tập viên dịch, hoặc xóa trường này"
    );
  } else if (marked && foundInSources(english)) {
    add(["not_in_sources"], "tên tiếng Anh “" + english + "” có trong nguồn: bỏ đánh dấu “" + label(field) + "” trong “" + label("not_in_sources") + "”");
  }
}

function checkPlaceholders(value, path, add) {
  if (typeof value === "string") {
    if (strip(value).indexOf(ctx.data.placeholder) === 0) {
      add(path, "“" + fieldLabel(path) + "” vẫn là chỗ trống mẫu (“" + ctx.data.placeholder + "…”); hãy điền");
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkPlaceholders(item, path.concat(index), add));
  } else if (value && typeof value === "object") {
    Object.keys(value).forEach((key) => checkPlaceholders(value[key], path.concat(key), add));
  }
}
