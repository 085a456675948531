// Problems found by the checks: each under its field (once the editor has been there, or
// asked to send) and all of them in the "Kiểm tra" list, linked to their fields.

import { el } from "./dom.js";
import { ctx } from "./state.js";

function slotFor(path) {
  for (var depth = path.length; depth > 0; depth -= 1) {
    var key = path.slice(0, depth).join(".");
    if (ctx.slots[key]) return { key: key, slot: ctx.slots[key] };
  }
  return null;
}

function visible(path) {
  if (ctx.state.showAll) return true;
  var key = path.join(".");
  return Object.keys(ctx.state.touched).some(function (touched) {
    return key === touched || key.indexOf(touched + ".") === 0 || touched.indexOf(key + ".") === 0;
  });
}

export function showProblems(problems) {
  Object.keys(ctx.slots).forEach(function (key) {
    var s = ctx.slots[key];
    s.box.hidden = true;
    s.box.textContent = "";
    if (s.control) s.control.removeAttribute("aria-invalid");
  });
  ctx.ui.problemList.textContent = "";
  problems.forEach(function (problem) {
    var found = slotFor(problem.path);
    if (found && visible(problem.path)) {
      var line = el("span", { class: "kb-error__line", text: problem.message });
      found.slot.box.appendChild(line);
      found.slot.box.hidden = false;
      if (found.slot.control) found.slot.control.setAttribute("aria-invalid", "true");
      // A problem is never hidden under "Trường khác": its field is shown with it.
      var folded = found.slot.box.closest("details");
      if (folded) folded.open = true;
    }
    var where = problem.where || (problem.path[0] === "entity" ? "Đối tác mới " + (problem.path[1] + 1) : ctx.labels[problem.path[0]] || problem.path[0]);
    var target = found && found.slot.control ? found.slot.control : null;
    var item = el("li", {}, [
      target ? el("a", { href: "#" + target.id, text: where }) : el("strong", { text: where }),
      ": " + problem.message,
    ]);
    ctx.ui.problemList.appendChild(item);
  });
  ctx.ui.status.textContent = problems.length
    ? "Còn " + problems.length + " điều cần sửa trước khi gửi (máy kiểm tra của kho dữ liệu sẽ báo như vậy)."
    : "Không có lỗi: bản ghi sẵn sàng để gửi.";
  ctx.ui.status.classList.toggle("kb-propose__status--ok", problems.length === 0);
}
