// Sending: GitHub's new-file page with the YAML prefilled (or copy and download past
// GitHub's URL limit), the second file for each new entity, and for a correction the
// diff with the current file and GitHub's edit page.

import { el, newId } from "./dom.js";
import { strip } from "./text.js";
import { toYaml } from "./canonical_yaml.js";
import { orderKeys } from "./key_order.js";
import { ctx } from "./state.js";

// GitHub answers 414 to URLs longer than its server accepts (observed: 8 KB; README.md, Editors);
// past this length the form offers the file to copy or download instead.
export var URL_LIMIT = 7000;

export function lineDiff(before_, after) {
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
    } else if (i < a.length && (j === b.length || table[i + 1][j] >= table[i][j + 1])) {
      // what goes comes before what replaces it, as in a unified diff
      out.push(["-", a[i]]);
      i += 1;
    } else {
      out.push(["+", b[j]]);
      j += 1;
    }
  }
  return out;
}

export function commitMessage(current) {
  var record = current.record;
  var first = current.sourceAlone
    ? "Thêm nguồn: " + current.source.label
    : (ctx.editing ? "Sửa bản ghi: " : "Đề xuất bản ghi: ") + (record.title || record.id || "");
  return { message: first, description: ctx.data.checklist.join("\n") };
}

export function newFileUrl(repository, branch, folder, filename, value, message) {
  return (
    repository.replace(/\/$/, "") + "/new/" + branch + "/" + folder +
    "?filename=" + encodeURIComponent(filename) +
    "&value=" + encodeURIComponent(value) +
    "&message=" + encodeURIComponent(message.message) +
    "&description=" + encodeURIComponent(message.description)
  );
}

export function copyButton(text, label) {
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

export function downloadLink(text, filename, label) {
  var blob = new Blob([text], { type: "text/yaml;charset=utf-8" });
  return el("a", { class: "md-button", href: URL.createObjectURL(blob), download: filename, text: label });
}

var lastLinks = [];

function submitLink(href, text) {
  return el("a", { href: href, class: "md-button md-button--primary kb-propose__submit", target: "_blank", rel: "noopener", text: text });
}

// With problems left, the send button shows them all and takes the editor to the first.
function renderBlocked(body) {
  var blocked = el("button", {
    type: "button",
    class: "md-button md-button--primary kb-propose__submit",
    text: ctx.editing ? "Mở trang sửa tệp trên GitHub" : "Mở pull request trên GitHub",
  });
  blocked.addEventListener("click", function () {
    ctx.state.showAll = true;
    ctx.update();
    ctx.ui.status.focus();
    var first = ctx.ui.problemList.querySelector("a");
    if (first) document.getElementById(first.getAttribute("href").slice(1)).focus();
  });
  ctx.ui.status.setAttribute("tabindex", "-1");
  body.appendChild(el("p", { text: "Sửa các điều trong phần “Kiểm tra” trước khi gửi; bấm nút để xem tất cả." }));
  body.appendChild(blocked);
}

export function currentFile() {
  var editing = ctx.editing;
  var schema = ctx.types[editing.folder].schema;
  return toYaml(orderKeys(editing.data, schema, schema));
}

function renderDiff(body, current, yaml) {
  var diff = lineDiff(current, yaml);
  var changed = diff.some((line) => line[0] !== " ");
  body.appendChild(el("h3", { text: changed ? "Thay đổi so với tệp hiện tại" : "Chưa có thay đổi nào so với tệp hiện tại" }));
  if (!changed) return;
  var pre = el("pre", { class: "kb-propose__diff", tabindex: "0", "aria-label": "Thay đổi so với tệp hiện tại" });
  diff.forEach(function (line) {
    if (line[0] === " ") pre.appendChild(document.createTextNode("  " + line[1] + "\n"));
    else pre.appendChild(el(line[0] === "+" ? "ins" : "del", { text: line[0] + " " + line[1] + "\n" }));
  });
  body.appendChild(pre);
}

function renderCorrection(body, yaml, filename) {
  var repository = ctx.data.repository;
  var edit = repository.replace(/\/$/, "") + "/" + ctx.data.edit_data_uri.replace(/^\/|\/$/g, "") + "/" + ctx.editing.path;
  body.appendChild(el("p", { text: "Trang sửa tệp của GitHub không nhận nội dung điền sẵn. Các bước:" }));
  var steps = el("ol", { class: "kb-propose__steps" });
  steps.appendChild(el("li", {}, ["Bấm “Sao chép YAML” bên dưới."]));
  steps.appendChild(el("li", {}, [submitLink(edit, "Mở trang sửa tệp trên GitHub")]));
  steps.appendChild(el("li", { text: "Trên GitHub, chọn hết nội dung tệp (Ctrl+A), dán nội dung mới (Ctrl+V)." }));
  steps.appendChild(el("li", { text: "Bấm “Commit changes…”, ghi vài chữ vì sao sửa, chọn “Propose changes”, rồi “Create pull request”." }));
  body.appendChild(steps);
  body.appendChild(el("p", {}, [copyButton(yaml, "Sao chép YAML"), " ", downloadLink(yaml, filename, "Tải tệp xuống")]));
  renderDiff(body, currentFile(), yaml);
}

function renderNew(body, current, yaml, filename) {
  var repository = ctx.data.repository;
  var folder = current.sourceAlone ? "data/sources" : "data/" + ctx.types[ctx.state.type].folder;
  var url = newFileUrl(repository, ctx.data.branch, folder, filename, yaml, commitMessage(current));
  var fits = url.length <= URL_LIMIT;
  var what = current.sourceAlone ? "Tệp nguồn" : "Bản ghi";
  var steps = el("ol", { class: "kb-propose__steps" });
  if (fits) {
    steps.appendChild(
      el("li", {}, [
        submitLink(url, "Mở pull request trên GitHub"),
        " GitHub mở trang tạo tệp " + folder + "/" + filename + " với nội dung đã điền.",
      ])
    );
  } else {
    body.appendChild(
      el("p", {
        class: "kb-propose__note",
        text: what + " này dài quá giới hạn địa chỉ của GitHub (" + url.length + " > " + URL_LIMIT + " ký tự), nên không điền sẵn được: sao chép hoặc tải tệp xuống rồi làm theo các bước.",
      })
    );
    steps.appendChild(el("li", {}, ["Bấm ", copyButton(yaml, "Sao chép YAML"), " (hoặc ", downloadLink(yaml, filename, "Tải tệp xuống"), ")."]));
    var empty = repository.replace(/\/$/, "") + "/new/" + ctx.data.branch + "/" + folder + "?filename=" + encodeURIComponent(filename);
    steps.appendChild(el("li", {}, [submitLink(empty, "Mở trang tạo tệp trên GitHub"), " rồi dán nội dung vào ô soạn thảo (tên tệp đã điền: " + filename + ")."]));
  }
  steps.appendChild(el("li", { text: "Bấm “Commit changes…” (hoặc “Propose new file”): nếu bạn không có quyền ghi, GitHub tạo bản sao kho (fork) và một nhánh cho bạn." }));
  steps.appendChild(el("li", { text: "Trên trang tiếp theo, bấm “Create pull request”. Mẫu pull request nhắc các điều cần kiểm tra; máy kiểm tra chạy lại mọi bước." }));
  body.appendChild(steps);
  if (fits) body.appendChild(el("p", {}, [copyButton(yaml, "Sao chép YAML"), " ", downloadLink(yaml, filename, "Tải tệp xuống")]));
}

// The links for the other files (a new source, new entities), on the branch the editor
// names ("tên-bạn:patch-1").
function entityLinks(links, entityFiles) {
  var repository = ctx.data.repository.replace(/\/$/, "");
  var parts = ctx.state.branch.split(":");
  var base = parts.length === 2 ? "https://github.com/" + parts[0] + "/" + repository.split("/").pop() : repository;
  var branch = parts.length === 2 ? parts[1] : ctx.state.branch || ctx.data.branch;
  links.textContent = "";
  entityFiles.forEach(function (file) {
    var source = file.folder === "data/sources";
    var folder = file.folder || "data/entities";
    var entityUrl = newFileUrl(base, branch, folder, file.id + ".yml", file.yaml, {
      message: (source ? "Thêm nguồn: " : "Thêm đối tác: ") + file.name,
      description: "",
    });
    var item = el("li", {});
    if (entityUrl.length <= URL_LIMIT && ctx.state.branch) {
      item.appendChild(el("a", { href: entityUrl, class: "md-button", target: "_blank", rel: "noopener", text: "Thêm tệp " + folder + "/" + file.id + ".yml vào nhánh " + ctx.state.branch }));
    } else {
      item.appendChild(document.createTextNode(folder + "/" + file.id + ".yml: "));
    }
    item.appendChild(document.createTextNode(" "));
    item.appendChild(copyButton(file.yaml, source ? "Sao chép YAML nguồn" : "Sao chép YAML đối tác"));
    item.appendChild(document.createTextNode(" "));
    item.appendChild(downloadLink(file.yaml, file.id + ".yml", source ? "Tải tệp nguồn" : "Tải tệp đối tác"));
    links.appendChild(item);
  });
}

function renderEntityFiles(body, entityFiles) {
  var sources = entityFiles.some((file) => file.folder === "data/sources");
  var entities = entityFiles.some((file) => file.folder !== "data/sources");
  var what = [sources ? "nguồn mới" : null, entities ? "đối tác mới" : null].filter(Boolean).join(", ");
  body.appendChild(el("h3", { text: (entityFiles.length > 1 ? "Các tệp khác: " : "Tệp thứ hai: ") + what }));
  body.appendChild(
    el("p", {
      text:
        "Một liên kết của GitHub chỉ tạo được một tệp. Sau khi mở pull request cho bản ghi, thêm " +
        (entityFiles.length > 1 ? "các tệp này" : sources ? "tệp nguồn" : "tệp đối tác") +
        " vào cùng nhánh: " +
        "trên trang pull request có dòng “… wants to merge … from tên-bạn:patch-1”; chép phần “tên-bạn:patch-1” vào ô dưới đây.",
    })
  );
  var branchId = newId("branch");
  var branchInput = el("input", { id: branchId, type: "text", autocomplete: "off", placeholder: "tên-bạn:patch-1", value: ctx.state.branch || "" });
  body.appendChild(el("div", { class: "kb-field" }, [el("label", { for: branchId, text: "Nhánh của bạn" }), branchInput]));
  var links = el("ul", {});
  body.appendChild(links);
  var render = function () {
    ctx.state.branch = strip(branchInput.value);
    entityLinks(links, entityFiles);
  };
  branchInput.addEventListener("input", render);
  render();
}

export function renderSend(current) {
  var body = ctx.ui.sendBody;
  body.textContent = "";
  var filename = (current.record.id || "ban-ghi") + ".yml";
  var source = current.source;
  if (current.problems.length) renderBlocked(body);
  else if (ctx.editing) renderCorrection(body, current.yaml, filename);
  else if (current.sourceAlone) renderNew(body, current, source.yaml, source.id + ".yml");
  else {
    renderNew(body, current, current.yaml, filename);
    var others = (source ? [{ id: source.id, name: source.label, yaml: source.yaml, folder: "data/sources" }] : []).concat(current.entities);
    if (others.length) renderEntityFiles(body, others);
  }
}
