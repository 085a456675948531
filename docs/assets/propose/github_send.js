// Sending with a GitHub token: one pull request for the record and its new entities (one
// commit), or for a correction the changed file committed in place. Each step is reported;
// the draft stays until the pull request exists.

import { el, newId } from "./dom.js";
import { ctx, discardDraft } from "./state.js";
import { commitMessage } from "./send.js";
import { GitHubError, request, setToken, token, wait } from "./github_api.js";

var FORK_TRIES = 20;
var FORK_PAUSE = 1500; // GitHub makes a fork in the background: poll until it is there

function upstream() {
  var parts = ctx.data.repository.replace(/\/$/, "").split("/");
  return { owner: parts[parts.length - 2], repo: parts[parts.length - 1] };
}

// The files of the proposal: the record (in place for a correction), each new entity and
// the new source (or the new source alone).
export function proposalFiles(current) {
  var record = current.record;
  var path = ctx.editing ? ctx.editing.path : "data/" + ctx.state.type + "/" + record.id + ".yml";
  var files = current.sourceAlone ? [] : [{ path: path, content: current.yaml }];
  current.entities.forEach(function (file) {
    files.push({ path: "data/entities/" + file.id + ".yml", content: file.yaml });
  });
  if (current.source) files.push({ path: current.source.path, content: current.source.yaml });
  return files;
}

function pullBody(current, files) {
  var sources = (current.record.evidence || [])
    .map((item) => ctx.sources[item.source])
    .filter((source) => source && !source.isNew)
    .map((source) => "- " + source.label);
  if (current.source) sources.push("- " + current.source.label + " (nguồn mới: `" + current.source.path + "`)");
  return [
    "## Thay đổi",
    "",
    current.sourceAlone
      ? "Thêm nguồn “" + current.source.label + "”, qua bước “Thêm nguồn” của biểu mẫu “Đề xuất bản ghi”:"
      : (ctx.editing ? "Sửa bản ghi “" : "Thêm bản ghi “") + (current.record.title || current.record.id) + "”, qua biểu mẫu “Đề xuất bản ghi”:",
    "",
    files.map((file) => "- `" + file.path + "`").join("\n"),
    "",
    "## Nguồn",
    "",
    Array.from(new Set(sources)).join("\n") || "(không có)",
    "",
    "## Kiểm tra trước khi gửi",
    "",
    ctx.data.checklist.join("\n"),
  ].join("\n");
}

async function forkOf(me, up, report) {
  if (me === up.owner) return up;
  var existing = await request("GET", "/repos/" + me + "/" + up.repo, undefined, true);
  if (existing) {
    report("Đã có bản sao kho (fork) " + existing.full_name + ".");
    return { owner: existing.owner.login, repo: existing.name };
  }
  report("Đang tạo bản sao kho (fork) trong tài khoản " + me + "…");
  var fork = await request("POST", "/repos/" + up.owner + "/" + up.repo + "/forks", { default_branch_only: true });
  var target = { owner: fork.owner.login, repo: fork.name };
  for (var attempt = 0; attempt < FORK_TRIES; attempt += 1) {
    if (await request("GET", "/repos/" + target.owner + "/" + target.repo, undefined, true)) {
      report("Bản sao kho " + fork.full_name + " đã sẵn sàng.");
      return target;
    }
    await wait(FORK_PAUSE);
  }
  throw new GitHubError(404, "GitHub chưa tạo xong bản sao kho sau một lúc chờ (404). Thử gửi lại sau ít phút; bản nháp vẫn được giữ.");
}

async function commitFiles(target, base, files, message, report) {
  var repo = "/repos/" + target.owner + "/" + target.repo;
  var tree = [];
  for (var i = 0; i < files.length; i += 1) {
    var blob = await request("POST", repo + "/git/blobs", { content: files[i].content, encoding: "utf-8" });
    tree.push({ path: files[i].path, mode: "100644", type: "blob", sha: blob.sha });
  }
  var newTree = await request("POST", repo + "/git/trees", { base_tree: base.tree, tree: tree });
  var commit = await request("POST", repo + "/git/commits", { message: message, tree: newTree.sha, parents: [base.sha] });
  report("Đã tạo một commit với " + files.length + " tệp: " + files.map((file) => file.path).join(", ") + ".");
  return commit.sha;
}

function branchName(record) {
  var stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 12);
  return (ctx.editing ? "sua-" : "de-xuat-") + (record.id || "ban-ghi").slice(0, 60) + "-" + stamp;
}

// The whole way, step by step: who the token is, the fork, the branch from upstream's
// head, one commit, the pull request.
export async function sendPullRequest(current, report) {
  var up = upstream();
  var me = (await request("GET", "/user")).login;
  report("Đăng nhập GitHub với tài khoản " + me + ".");
  var repository = await request("GET", "/repos/" + up.owner + "/" + up.repo);
  var base = repository.default_branch;
  var target = await forkOf(me, up, report);
  var head = await request("GET", "/repos/" + up.owner + "/" + up.repo + "/git/ref/heads/" + base);
  var headCommit = await request("GET", "/repos/" + up.owner + "/" + up.repo + "/git/commits/" + head.object.sha);
  var files = proposalFiles(current);
  var message = commitMessage(current);
  var sha = await commitFiles(target, { sha: head.object.sha, tree: headCommit.tree.sha }, files, message.message + "\n\n" + message.description, report);
  var branch = branchName(current.sourceAlone ? { id: current.source.id } : current.record);
  await request("POST", "/repos/" + target.owner + "/" + target.repo + "/git/refs", { ref: "refs/heads/" + branch, sha: sha });
  report("Đã tạo nhánh " + target.owner + ":" + branch + " từ " + base + " của " + up.owner + "/" + up.repo + ".");
  var pull = await request("POST", "/repos/" + up.owner + "/" + up.repo + "/pulls", {
    title: message.message,
    head: target.owner === up.owner ? branch : target.owner + ":" + branch,
    base: base,
    body: pullBody(current, files),
    maintainer_can_modify: true,
  });
  return pull;
}

function signIn(box, rerender) {
  var id = newId("token");
  var input = el("input", { id: id, type: "password", autocomplete: "off", spellcheck: "false" });
  var button = el("button", { type: "button", class: "md-button", text: "Đăng nhập bằng mã truy cập" });
  button.addEventListener("click", function () {
    if (!input.value.trim()) return;
    setToken(input.value.trim());
    rerender();
  });
  box.appendChild(
    el("p", {
      class: "kb-hint",
      text:
        "Có mã truy cập GitHub (personal access token loại classic, quyền public_repo; xem hướng dẫn đóng góp)? " +
        "Biểu mẫu tự tạo bản sao kho, một commit cho mọi tệp và pull request. Mã chỉ được giữ trong thẻ trình duyệt này và chỉ gửi tới GitHub.",
    })
  );
  box.appendChild(el("div", { class: "kb-field" }, [el("label", { for: id, text: "Mã truy cập GitHub" }), input]));
  box.appendChild(button);
}

async function run(current, log, button) {
  log.textContent = "";
  var report = (text, kind) => log.appendChild(el("li", { class: kind ? "kb-github__" + kind : null, text: text }));
  button.disabled = true;
  try {
    var pull = await sendPullRequest(current, report);
    discardDraft();
    ctx.state.sent = pull.html_url;
    log.appendChild(el("li", { class: "kb-github__done" }, ["Đã mở pull request: ", el("a", { href: pull.html_url, text: pull.html_url })]));
  } catch (error) {
    report(error instanceof GitHubError ? error.message : "Lỗi: " + error.message, "error");
    report("Bản nháp vẫn được giữ trong trình duyệt này.");
  } finally {
    button.disabled = false;
  }
}

export function renderGithubSend(box, current) {
  box.textContent = "";
  var rerender = () => renderGithubSend(box, current);
  box.appendChild(el("h3", { text: "Hoặc: gửi thẳng bằng tài khoản GitHub" }));
  if (!token()) return signIn(box, rerender);
  var send = el("button", { type: "button", class: "md-button md-button--primary", text: "Tạo pull request bằng tài khoản GitHub" });
  var signOut = el("button", { type: "button", class: "md-button", text: "Đăng xuất" });
  var log = el("ol", { class: "kb-github__steps", "aria-live": "polite", "aria-label": "Các bước gửi lên GitHub" });
  signOut.addEventListener("click", function () {
    setToken("");
    rerender();
  });
  send.addEventListener("click", function () {
    var now = current();
    if (now.problems.length) {
      log.textContent = "";
      log.appendChild(el("li", { class: "kb-github__error", text: "Sửa các điều trong phần “Kiểm tra” trước khi gửi." }));
      return;
    }
    run(now, log, send);
  });
  box.appendChild(el("p", { class: "kb-hint", text: "Đã đăng nhập: mã truy cập được giữ trong thẻ này cho tới khi đóng thẻ." }));
  box.appendChild(el("p", {}, [send, " ", signOut]));
  box.appendChild(log);
}
