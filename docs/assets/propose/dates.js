// Partial dates as scripts/defence_kb/schema/dates.py's PartialDate reads them (YYYY, YYYY-MM,
// YYYY-MM-DD), with its messages, and the Vietnamese ways of writing one.

import { strip } from "./text.js";

var futureYears = 5;

export function pad(number) {
  return (number < 10 ? "0" : "") + number;
}

export function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// PartialDate.parse: {year, month, day} or an Error with the validator's message.
export function parseDate(text) {
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

export function iso(date) {
  return [String(date.year)].concat(date.month ? [pad(date.month)] : [], date.day ? [pad(date.day)] : []).join("-");
}

export function earliest(date) {
  return [date.year, date.month || 1, date.day || 1];
}

export function latest(date) {
  var month = date.month || 12;
  return [date.year, month, date.day || daysIn(date.year, month)];
}

export function before(a, b) {
  for (var i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

export function setFutureYears(years) {
  futureYears = years;
}

// Vietnamese ways of writing a date, turned into the file's form: 17/10/2019, 17-10-2019 and
// 17.10.2019 → 2019-10-17; 10/2019 → 2019-10.
export function fromVietnamese(text) {
  var t = strip(text);
  var m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(t);
  if (m) return m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]);
  m = /^(\d{1,2})[\/.-](\d{4})$/.exec(t);
  if (m) return m[2] + "-" + pad(+m[1]);
  return t;
}

