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
  var dates = (record.evidence || [])
    .map((item) => sources[item.source])
    .filter((source) => source && source.published)
    .map((source) => parseDate(source.published));
  if (!dates.length) return label + " (theo nguồn, không rõ ngày đăng)";
  var first = dates.reduce((a, b) => (before(earliest(b), earliest(a)) ? b : a));
  return label + " (theo nguồn ngày " + dateWords(first) + ")";
}
