// How dates and statuses read in Vietnamese, as scripts/defence_kb/wording.py (and
// render/summaries.py's status_text) word them, so the preview reads as the page will.

import { before, earliest, latest, parseDate, pad } from "./dates.js";

export function dateWords(date) {
  if (date.day) return pad(date.day) + "/" + pad(date.month) + "/" + date.year;
  if (date.month) return "tháng " + date.month + "/" + date.year;
  return "năm " + date.year;
}

// wording.format_placement on model.placement_of: the date, or the bounds the sources
// justify (a stated bound, the publication date of a cited source).
export function placementWords(record, sources) {
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

// render.summaries.status_text: a status other than "occurred" is dated by its source.
export function statusWords(record, sources, statusLabel) {
  var status = record.status || "occurred";
  var label = statusLabel(status);
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

// render.provenance.value_mark: a value that rests on references names them (those that give
// the value the file holds), and says when others give another.
export function referenceMark(record, field) {
  var given = (record.references || []).filter((reference) => reference.supports && field in reference.supports);
  if (!given.length) return "";
  var same = (reference) => String(reference.supports[field]) === String(record[field]);
  var agreeing = given.filter(same);
  var names = agreeing.map(function (reference) {
    var known = reference.published && reference.published !== "không rõ";
    return reference.publisher + ", " + (known ? dateWords(parseDate(String(reference.published))) : "không rõ ngày đăng");
  });
  var other = agreeing.length < given.length ? "; tài liệu khác nêu khác, xem mục Tài liệu tham khảo" : "";
  return " (theo tài liệu tham khảo: " + names.join("; ") + other + ")";
}
