// A pasted article becomes a source file: the twin of scripts/defence_kb/new_source.py
// (`make source FILE=bai.txt`), rule for rule and message for message. Paragraphs are cut
// at blank lines (or at lines when there are none), numbered from 1, and each one's kind is
// proposed from its shape; what the editor did not say is listed in `unknown`; the file is
// the canonical YAML `make fix` writes (canonical_yaml.js, key_order.js), byte for byte
// the file new_source.py writes for the same text and metadata
// (tests/test_new_source_form.py compares them).

import { SPACE_CLASS, collapse, nfc, slugify, strip } from "./text.js";
import { toYaml } from "./canonical_yaml.js";
import { orderKeys } from "./key_order.js";
import { ctx } from "./state.js";

// The paragraphs are white-space-collapsed before these run, so `\s` only meets " ".
// Python's \d and \w are Unicode: \p{Nd} and [\p{L}\p{N}_] here.
var CAPTION = /^(?:Ảnh|Ảnh minh họa|Video|Clip)\s*[:.\-–]|\((?:Ảnh|Nguồn ảnh)\s*:[^)]*\)\s*$|_(?:Nguồn|Ảnh)\s*:/iu;
var SIDEBAR = /^(?:Tin liên quan|Bài liên quan|Xem thêm|Tin cùng chuyên mục|>>)/iu;
var FOOTNOTE = /^(?:\(\p{Nd}+\)|\[\p{Nd}+\])\s/u;
var META = /^(?:Nguồn\s*:|Theo\s+\S|Tác giả\s*:|Cập nhật\s*:|Đăng\s*:)/iu;
var DATE_TIME = /\p{Nd}{1,2}[/-]\p{Nd}{1,2}[/-]\p{Nd}{4}.*\p{Nd}{1,2}:\p{Nd}{2}|^[\p{L}\p{N}_\s,]*\p{Nd}{1,2}[/-]\p{Nd}{1,2}[/-]\p{Nd}{4}$/u;
var BYLINE = /^\([^()]{2,40}\)$/u; // "(TTXVN/Vietnam+)" closing an article
var ENDS_A_SENTENCE = /[.!?…:;”"')]$/u;
export var HEADING_LENGTH = 160; // a line longer than this is not a heading
export var META_LENGTH = 80; // nor a line of the page's information

var BLANK_LINE = new RegExp("\\n" + SPACE_CLASS + "*\\n");

function length(text) {
  return Array.from(text).length;
}

// split_paragraphs: blocks between blank lines, or lines when there are none.
export function splitParagraphs(text) {
  text = nfc(text.replace(/\r\n/g, "\n").replace(/\r/g, "\n"));
  var blocks = text.split(BLANK_LINE).filter((block) => strip(block));
  if (blocks.length <= 1) blocks = text.split("\n");
  return blocks.filter((block) => strip(block)).map(collapse);
}

function kindOf(text, proposals, ended) {
  var short = length(text) <= HEADING_LENGTH && !ENDS_A_SENTENCE.test(text);
  var pageInfo = (length(text) <= META_LENGTH || text.indexOf("http") >= 0) && META.test(text);
  if (CAPTION.test(text)) return ["caption", "có “Ảnh:”"];
  if (SIDEBAR.test(text)) return ["sidebar", "mở đầu như mục tin liên quan"];
  if (FOOTNOTE.test(text)) return ["footnote", "mở đầu bằng số chú thích (1), [1]"];
  if (pageInfo || BYLINE.test(text) || (length(text) <= META_LENGTH && DATE_TIME.test(text))) {
    return ["meta", "dòng nguồn, tác giả hoặc ngày giờ đăng"];
  }
  if (ended) return ["sidebar", "sau dòng ghi nguồn cuối bài"];
  if (short) return ["heading", "dòng ngắn, không kết thúc bằng dấu câu"];
  var allHeadOrMeta = proposals.every((p) => p.kind === "heading" || p.kind === "meta");
  if (proposals.length && proposals[0].kind === "heading" && allHeadOrMeta) {
    return ["lead", "đoạn nội dung đầu tiên sau tiêu đề"];
  }
  return ["body", "thân bài"];
}

// propose_kinds: [{n, kind, reason, text}], one per paragraph.
export function proposeKinds(paragraphs) {
  var proposals = [];
  var ended = false; // past the line that closes the article ("(TTXVN)", "Nguồn: …")
  paragraphs.forEach(function (text, index) {
    var found = kindOf(text, proposals, ended);
    if (found[0] === "meta") ended = ended || proposals.some((p) => p.kind === "body");
    proposals.push({ n: index + 1, kind: found[0], reason: found[1], text: text });
  });
  return proposals;
}

function kindLabel(kind) {
  return ctx.data.paragraph_kinds.filter((item) => item.value === kind)[0].label;
}

// Path(capture_file).stem
function stem(name) {
  name = name.split("/").pop();
  var dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 ? name.slice(0, dot) : name;
}

// What the editor gave: stripped and NFC (as make fix would leave it); empty is unknown.
function given(value) {
  value = value === null || value === undefined ? "" : strip(nfc(String(value)));
  return value || null;
}

function header(captureFile, proposals) {
  return [
    "# Tạo bằng “make source” từ " + captureFile + ". Loại đoạn (kind) là ĐỀ XUẤT; kiểm tra từng dòng",
    "# dưới đây với bài viết, sửa kind nếu sai, rồi xóa các dòng # này (make fix giữ chúng).",
  ]
    .concat(
      proposals
        .filter((p) => p.kind !== "body")
        .map((p) => "# - đoạn " + p.n + ": " + p.kind + " (" + kindLabel(p.kind) + "): " + p.reason)
    )
    .concat(["# - các đoạn còn lại: body (Nội dung)."]);
}

// source_file: {id, yaml, proposals, data} for an article's text. meta: {capture_file, id,
// title, publisher, published, url}; kinds (one per paragraph) are the kinds the editor
// confirmed: they replace the proposals and the file has no header asking to check them.
export function sourceFile(text, meta, kinds) {
  var proposals = proposeKinds(splitParagraphs(text));
  if (!proposals.length) throw new Error("tệp không có chữ nào: dán toàn văn bài viết vào tệp rồi chạy lại");
  if (kinds) {
    if (kinds.length !== proposals.length) throw new Error("có " + proposals.length + " đoạn nhưng " + kinds.length + " loại đoạn");
    proposals = proposals.map((p, i) => ({ n: p.n, kind: kinds[i], reason: "biên tập viên xác nhận", text: p.text }));
  }
  var captureFile = given(meta.capture_file);
  var title = given(meta.title);
  var publisher = given(meta.publisher);
  var published = given(meta.published);
  var url = given(meta.url);
  if (title === null && proposals[0].kind === "heading") title = proposals[0].text;
  var label = title || stem(captureFile);
  var id = given(meta.id) || slugify(label, 70) || "nguon-moi";
  var unknown = [
    ["nhan đề bài", title],
    ["cơ quan đăng bài", publisher],
    ["ngày đăng", published],
    ["địa chỉ URL của bài", url],
  ]
    .filter((pair) => !pair[1])
    .map((pair) => pair[0]);
  var data = {
    id: id,
    label: label,
    title: title,
    publisher: publisher,
    published: published,
    url: url,
    capture_file: captureFile,
    attribution: publisher
      ? "Bài viết của " + publisher + "; bản quyền thuộc " + publisher + "."
      : "Không rõ cơ quan đăng bài; bản quyền thuộc cơ quan đăng bài gốc.",
    unknown: unknown,
    paragraphs: proposals.map(function (p) {
      var paragraph = { n: String(p.n) };
      if (p.kind !== "body") paragraph.kind = p.kind;
      paragraph.text = p.text;
      return paragraph;
    }),
  };
  Object.keys(data).forEach(function (key) {
    if (data[key] === null || (Array.isArray(data[key]) && !data[key].length)) delete data[key];
  });
  var schema = ctx.data.source_schema;
  var lines = kinds ? [] : header(captureFile, proposals);
  var yaml = lines.map((line) => line + "\n").join("") + toYaml(orderKeys(data, schema, schema));
  return { id: id, yaml: yaml, proposals: proposals, data: data };
}
