// The preview of the record's page, as the build will render it (its time and status
// worded as wording.py words them), and under each quote the paragraph it was found in.

import { el } from "./dom.js";
import { nfc, strip } from "./text.js";
import { ctx, currentSchema } from "./state.js";
import { defName } from "./fields.js";
import { quoteCheck } from "./checks.js";
import { entityName } from "./entities.js";
import { dateWords, placementWords, referenceMark, statusWords } from "./wording.js";
import { parseDate } from "./dates.js";

export function vocabularyLabel(defname, value) {
  var found = (ctx.data.vocabularies[defname] || []).filter((item) => item.value === value)[0];
  return found ? found.label : value;
}

// Markdown emphasis as the page shows it (the summary keeps `*`/`_` and `**`/`__`: see
// render/markdown.py, escape_block): as text nodes and <em>/<strong>, never as markup.
var EMPHASIS = /(\*\*|__)(?=\S)(.+?\S)\1|(\*|_)(?=\S)(.+?\S)\3/g;

export function emphasised(text) {
  var nodes = [];
  var last = 0;
  var match;
  EMPHASIS.lastIndex = 0;
  while ((match = EMPHASIS.exec(text))) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(match[1] ? el("strong", { text: match[2] }) : el("em", { text: match[4] }));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

// The facts table of the page: time, the entities in their roles, kinds, status, themes.
function factRows(record) {
  var schema = currentSchema();
  var type = ctx.types[ctx.state.type];
  var rows = [];
  var when;
  try {
    when = placementWords(record, ctx.sources) || "Nguồn không nêu";
  } catch (error) {
    when = "(ngày chưa hợp lệ)";
  }
  rows.push(["Thời gian", when + referenceMark(record, "date") + referenceMark(record, "date_unspecified_year") + (record.date_note ? " (" + record.date_note + ")" : "")]);
  Object.keys(type.references).forEach(function (name) {
    if (type.references[name] !== "entity" || record[name] === undefined) return;
    var ids = Array.isArray(record[name]) ? record[name] : [record[name]];
    rows.push([ctx.data.role_labels[name] ? capital(ctx.data.role_labels[name]) : ctx.labels[name], ids.map(entityName).join(", ")]);
  });
  ["kind", "doc_type", "unit_type"].forEach(function (name) {
    var ref = schema.properties[name] && defName(schema.properties[name]);
    if (ref && record[name]) rows.push([ctx.labels[name], vocabularyLabel(ref, record[name])]);
  });
  ["number", "subject", "stated_in", "area", "location"].forEach(function (name) {
    if (record[name]) rows.push([ctx.labels[name], record[name] + referenceMark(record, name)]);
  });
  rows.push(["Tình trạng", statusWords(record, ctx.sources, (status) => vocabularyLabel("Status", status))]);
  rows.push(["Chủ đề", (record.themes || []).map((id) => ctx.themeTitles[id] || id).join(", ")]);
  if (record.tags) rows.push(["Nhãn", record.tags.join(", ")]);
  return rows;
}

export function renderPage(record) {
  var type = ctx.types[ctx.state.type];
  ctx.ui.pagePreview.textContent = "";
  var article = el("article", { class: "kb-propose__article" });
  article.appendChild(el("p", { class: "kb-propose__crumbs", text: "Tra cứu › " + type.label_plural }));
  article.appendChild(el("p", { class: "kb-propose__page-title", text: record.title || "(chưa có tiêu đề)" }));
  if (record.title_en) article.appendChild(el("p", { lang: "en" }, [el("em", { text: record.title_en })]));
  var rows = factRows(record);
  var table = el("table", {}, [el("caption", { class: "kb-visually-hidden", text: "Thông tin chính" })]);
  var body = el("tbody", {});
  rows.forEach(function (row) {
    body.appendChild(el("tr", {}, [el("th", { scope: "row", text: row[0] }), el("td", { text: row[1] })]));
  });
  table.appendChild(body);
  article.appendChild(el("div", { class: "kb-propose__facts" }, [table]));
  (record.summary || "").split(/\n{2,}/).forEach(function (paragraph) {
    if (paragraph) article.appendChild(el("p", {}, emphasised(paragraph.replace(/\n/g, " "))));
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
    var source = ctx.sources[item.source];
    article.appendChild(
      el("p", { class: "kb-propose__cite", text: "— " + (source ? source.label : "(chưa chọn nguồn)") + (found.paragraph ? ", đoạn " + found.paragraph : "") })
    );
  });
  if (record.related) {
    article.appendChild(el("p", { class: "kb-propose__section", text: "Bản ghi liên quan" }));
    var related = el("ul", {});
    record.related.forEach(function (id) {
      related.appendChild(el("li", { text: ctx.records[id] ? ctx.records[id].data.title : id }));
    });
    article.appendChild(related);
  }
  if (record.references) renderReferences(article, record);
  if (record.editor_note) {
    article.appendChild(el("p", { class: "kb-propose__section", text: "Ghi chú biên tập" }));
    article.appendChild(el("p", { text: record.editor_note }));
  }
  ctx.ui.pagePreview.appendChild(article);
}

function dateOr(text, otherwise) {
  try {
    return dateWords(parseDate(String(text)));
  } catch (error) {
    return otherwise;
  }
}

// The page's "Tài liệu tham khảo" (templates/partials/references.md.j2): each reference and
// the values that rest on it, the note as the editor's.
function renderReferences(article, record) {
  article.appendChild(el("p", { class: "kb-propose__section", text: "Tài liệu tham khảo" }));
  record.references.forEach(function (reference) {
    var supported = Object.keys(reference.supports || {}).map(function (field) {
      var value = reference.supports[field];
      var words = typeof value === "object" ? (value.start ? dateOr(value.start, value.start) + " – " + dateOr(value.end, "") : JSON.stringify(value)) : field === "date" ? dateOr(value, value) : value;
      var name = ctx.labels[field] || field;
      return name.charAt(0).toLowerCase() + name.slice(1) + " " + words;
    });
    var published = reference.published && reference.published !== "không rõ" ? "ngày đăng " + dateOr(reference.published, reference.published) : "không rõ ngày đăng";
    article.appendChild(
      el("p", {
        class: "kb-propose__reference",
        text:
          [reference.publisher, "“" + (reference.title || "") + "”", published, reference.url, "truy cập ngày " + dateOr(reference.accessed, "")].join(", ") +
          ". Dựa vào tài liệu này: " + supported.join("; ") + ".",
      })
    );
    if (reference.note) article.appendChild(el("p", {}, [el("small", { text: "Ghi chú của biên tập viên: " + reference.note })]));
  });
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Under each quote: the paragraph it was found in.
export function annotateEvidence() {
  ctx.widgets.forEach(function (widget) {
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
