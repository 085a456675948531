// The checks of a record's references, as the validator makes them: the shape of each
// (schema/reference.py: an https address, a publisher, the day it was consulted, at least
// one supported value) and what they claim (validate/rules/references.py: a unique id, a
// field the record has, a value of that field's kind that is the record's own, a date
// within the bounds the articles give), with the validator's messages, fields named by
// their labels.

import { SLUG } from "./text.js";
import { before, earliest, iso, latest, parseDate } from "./dates.js";
import { dateWords } from "./wording.js";
import { ctx, currentSchema } from "./state.js";
import { fieldLabel, label } from "./checks.js";

export var UNKNOWN_DATE = "không rõ";
// validate/rules/references.py's _NOT_SUPPORTABLE: what identifies the file, and the proofs themselves.
export var NOT_SUPPORTABLE = ["id", "former_ids", "references", "evidence", "not_in_sources", "roles"];
var DATED = ["date", "not_before", "not_after"];
var REQUIRED = ["id", "url", "title", "publisher", "published", "accessed", "supports"];

function spanOf(value) {
  if (value && typeof value === "object") {
    var start = parseDate(value.start === undefined ? value.date : value.start);
    return { start: start, end: value.end ? parseDate(value.end) : null };
  }
  return { start: parseDate(String(value)), end: null };
}

function spanText(span) {
  return iso(span.start) + (span.end ? "/" + iso(span.end) : "");
}

function checkShape(reference, path, add) {
  REQUIRED.forEach(function (key) {
    if (reference[key] === undefined) add(path.concat(key), "thiếu trường bắt buộc “" + label(key) + "”");
  });
  var at = (key) => "“" + fieldLabel(path.concat(key)) + "”: ";
  if (reference.id !== undefined && !SLUG.test(reference.id)) {
    add(path.concat("id"), "“Mã tài liệu” = “" + reference.id + "” không phải mã hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu gạch nối, ví dụ “qdnd-ky-ban-ghi-nho-2015”");
  }
  if (reference.url !== undefined && !/^https:\/\/\S+$/.test(reference.url)) {
    add(path.concat("url"), at("url") + "địa chỉ “" + reference.url + "” phải là một URL đầy đủ bắt đầu bằng https:// (không khoảng trắng); mở trang và chép địa chỉ từ thanh địa chỉ");
  }
  if (reference.published !== undefined && reference.published !== UNKNOWN_DATE) {
    try {
      parseDate(String(reference.published));
    } catch (error) {
      add(path.concat("published"), at("published") + error.message);
    }
  }
  if (reference.accessed !== undefined) checkAccessed(String(reference.accessed), path.concat("accessed"), at("accessed"), add);
}

function checkAccessed(text, path, at, add) {
  var date;
  try {
    date = parseDate(text);
  } catch (error) {
    add(path, at + error.message);
    return;
  }
  var now = new Date();
  if (!date.day) add(path, at + "ngày truy cập “" + text + "” phải đủ ngày, tháng, năm: YYYY-MM-DD");
  else if (before([now.getFullYear(), now.getMonth() + 1, now.getDate()], earliest(date))) {
    add(path, at + "ngày truy cập " + iso(date) + " ở trong tương lai: ghi ngày bạn đã mở trang (YYYY-MM-DD)");
  }
}

// A date a reference gives cannot contradict the bounds the articles give.
function checkWithinBounds(record, reference, given, bounds, path, add) {
  var named = "ngày " + spanText(given) + " mà tài liệu tham khảo “" + reference.id + "” (" + reference.publisher + ") nêu";
  var latestBounds = [];
  if (bounds.not_after) {
    var after = record.not_after;
    latestBounds.push([bounds.not_after, "mốc “không muộn hơn” " + dateWords(bounds.not_after) + " mà nguồn “" + sourceName(after.source) + "” nêu: “" + after.quote + "”"]);
  }
  (record.evidence || []).forEach(function (item) {
    var source = ctx.sources[item.source];
    if (source && source.published) {
      var date = parseDate(source.published);
      latestBounds.push([date, "ngày đăng " + dateWords(date) + " của nguồn “" + source.label + "” (bài viết không nói về việc xảy ra sau ngày đăng)"]);
    }
  });
  var problems = latestBounds.filter((pair) => before(latest(pair[0]), earliest(given.start))).map((pair) => named + " muộn hơn " + pair[1]);
  if (bounds.not_before && before(latest(given.end || given.start), earliest(bounds.not_before))) {
    var early = record.not_before;
    problems.push(named + " sớm hơn mốc “không sớm hơn” " + dateWords(bounds.not_before) + " mà nguồn “" + sourceName(early.source) + "” nêu: “" + early.quote + "”");
  }
  problems
    .filter((text, index) => problems.indexOf(text) === index)
    .forEach((text) => add(path, text + "; kiểm tra lại tài liệu: mốc của bài nguồn được giữ, tài liệu trái với nó không dùng được"));
}

function sourceName(id) {
  return ctx.sources[id] ? ctx.sources[id].label : id;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b) || (typeof b === "object" && b && b.end === undefined && JSON.stringify(a) === JSON.stringify(b.start));
}

// What one reference claims: fields the record has, values of their kind, dates in bounds.
function checkSupports(record, reference, path, bounds, given, add) {
  var fields = Object.keys(currentSchema().properties);
  Object.keys(reference.supports || {}).forEach(function (field) {
    var value = reference.supports[field];
    var at = path.concat("supports", field);
    var name = label(field);
    if (fields.indexOf(field) < 0 || NOT_SUPPORTABLE.indexOf(field) >= 0) {
      add(at, "tài liệu “" + reference.id + "” hỗ trợ “" + field + "”, nhưng đó không phải trường một tài liệu có thể hỗ trợ: ghi tên một trường của tệp (ví dụ date, location)");
      return;
    }
    if (record[field] === undefined) {
      add(at, "tài liệu “" + reference.id + "” hỗ trợ “" + name + "”, nhưng bản ghi không có trường này: ghi “" + name + "” = " + JSON.stringify(value) + " vào bản ghi, hoặc bỏ “" + name + "” khỏi “" + label("supports") + "”");
      return;
    }
    var span = null;
    if (DATED.indexOf(field) >= 0) {
      try {
        span = spanOf(value);
      } catch (error) {
        add(at, "giá trị “" + (typeof value === "object" ? JSON.stringify(value) : value) + "” mà tài liệu “" + reference.id + "” nêu cho “" + name + "” không hợp lệ: " + error.message + "; ghi giá trị đúng kiểu của trường “" + name + "”");
        return;
      }
    }
    (given[field] = given[field] || []).push([reference.id, value, span]);
    if (field === "date" && span) checkWithinBounds(record, reference, span, bounds, at, add);
  });
}

// validate/rules/references.py with the schema's checks of each reference.
export function checkReferenceList(record, bounds, add) {
  var seen = {};
  var given = {}; // field → [reference id, value, date span]
  (record.references || []).forEach(function (reference, index) {
    var path = ["references", index];
    checkShape(reference, path, add);
    if (reference.supports !== undefined && !Object.keys(reference.supports).length) {
      add(path.concat("supports"), "“" + fieldLabel(path.concat("supports")) + "” cần ít nhất 1 mục");
    }
    if (reference.id !== undefined && seen[reference.id]) {
      add(path.concat("id"), "mã tài liệu tham khảo “" + reference.id + "” đã dùng trong tệp này; mỗi tài liệu một mã");
    }
    seen[reference.id] = true;
    checkSupports(record, reference, path, bounds, given, add);
  });
  Object.keys(given).forEach(function (field) {
    var values = given[field];
    if (values.some((entry) => same(entry[1], record[field]) || same(record[field], entry[1]))) return;
    var listed = values.map((entry) => "“" + entry[0] + "” nêu " + (entry[2] ? spanText(entry[2]) : entry[1])).join("; ");
    var shown = typeof record[field] === "string" ? record[field] : JSON.stringify(record[field]);
    if (DATED.indexOf(field) >= 0) {
      try {
        shown = spanText(spanOf(record[field]));
      } catch (error) {
        // the record's own date is reported by its own check
      }
    }
    add([field], "“" + label(field) + "” = " + shown + " không khớp tài liệu tham khảo nào (" + listed + "): ghi giá trị một tài liệu nêu, hoặc xóa “" + label(field) + "” khỏi “" + label("supports") + "”");
  });
}
