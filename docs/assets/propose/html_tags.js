// No text holds HTML, as scripts/defence_kb/validate/rules/html_tags.py refuses it: the
// same pattern (what CommonMark takes for raw HTML: a tag, a closing tag, a comment, a
// declaration, CDATA, a processing instruction) and the same message, the field named by
// its label. An address (`url`) is a link, not text.

import { fieldLabel } from "./checks.js";

export var HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<![A-Za-z][^<>]*>|<!\[CDATA\[|<\?[^<>]*\?>/;

export function htmlTagMessage(name, tag) {
  return "“" + name + "” có thẻ HTML “" + tag + "”: nội dung là chữ thuần, không dùng HTML; xóa thẻ (muốn nhấn mạnh thì viết *chữ nghiêng* hoặc **chữ đậm**)";
}

// Every text of `value`, however deep: its first tag, at its field.
export function checkHtml(value, path, add) {
  if (typeof value === "string") {
    var tag = HTML_TAG.exec(value);
    if (tag) add(path, htmlTagMessage(fieldLabel(path), tag[0]));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkHtml(item, path.concat(index), add));
  } else if (value && typeof value === "object") {
    Object.keys(value).forEach((key) => key !== "url" && checkHtml(value[key], path.concat(key), add));
  }
}
