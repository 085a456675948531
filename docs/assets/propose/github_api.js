// GitHub's REST API, as the form uses it: with the editor's token, to fork the repository,
// commit every file of a proposal in one commit on a new branch, and open the pull request.
// The token is kept in this tab's sessionStorage only and sent to GitHub's API only.
// Every request the form makes is one of the operations vendored from GitHub's OpenAPI
// description in tests/vendor/github-openapi/ (a test checks each against it).

export var API = "https://api.github.com";
export var API_VERSION = "2022-11-28";
var TOKEN_KEY = "kb-propose:github-token";
// Tests only: a stand-in for GitHub on this machine (a loopback address, nothing else).
var TEST_API_KEY = "kb-propose:github-api";

export function apiBase() {
  var wanted = null;
  try {
    wanted = window.localStorage.getItem(TEST_API_KEY);
  } catch (error) {
    wanted = null;
  }
  return wanted && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(wanted) ? wanted : API;
}

export function token() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) || "";
  } catch (error) {
    return "";
  }
}

export function setToken(value) {
  try {
    if (value) window.sessionStorage.setItem(TOKEN_KEY, value);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch (error) {
    // without sessionStorage the token lives as long as the page
  }
}

function clock(seconds) {
  var date = new Date(seconds * 1000);
  var pad = (n) => (n < 10 ? "0" : "") + n;
  return pad(date.getHours()) + ":" + pad(date.getMinutes());
}

// GitHub's answer, in the editor's words (what happened, and what to do).
export function errorMessage(status, body, headers) {
  var said = body && body.message ? " GitHub trả lời: “" + body.message + "”." : "";
  var details = body && Array.isArray(body.errors) ? body.errors.map((item) => item.message || item.code).filter(Boolean) : [];
  if (details.length) said += " (" + details.join("; ") + ")";
  var remaining = headers.get("x-ratelimit-remaining");
  if (status === 429 || (status === 403 && remaining === "0")) {
    var reset = +headers.get("x-ratelimit-reset");
    var after = +headers.get("retry-after");
    var when = reset ? " sau " + clock(reset) : after ? " sau " + after + " giây" : " sau ít phút";
    return "GitHub tạm ngừng nhận yêu cầu vì đã vượt giới hạn số yêu cầu (" + status + "); thử lại" + when + ". Bản nháp vẫn được giữ.";
  }
  if (status === 401) {
    return "GitHub không nhận mã truy cập (401): mã sai, đã hết hạn hoặc đã bị thu hồi. Tạo mã mới theo hướng dẫn đóng góp rồi đăng nhập lại." + said;
  }
  if (status === 403) {
    return "GitHub từ chối (403): mã truy cập không đủ quyền. Cần mã loại “classic” có quyền “public_repo”." + said;
  }
  if (status === 404) return "GitHub không tìm thấy kho hoặc nhánh (404)." + said;
  if (status === 409) return "Xung đột trên GitHub (409): kho hoặc nhánh vừa thay đổi. Thử gửi lại." + said;
  if (status === 422) return "GitHub không nhận dữ liệu gửi lên (422)." + said;
  return "GitHub trả lời lỗi " + status + "." + said;
}

export function GitHubError(status, message) {
  this.status = status;
  this.message = message;
}

// One request: JSON in and out, GitHub's headers; an error carries its Vietnamese message.
// `missingOk` returns null for a 404 (a fork that does not exist yet).
export async function request(method, path, body, missingOk) {
  var response;
  try {
    response = await fetch(apiBase() + path, {
      method: method,
      headers: {
        Accept: "application/vnd.github+json",
        Authorization: "Bearer " + token(),
        "X-GitHub-Api-Version": API_VERSION,
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      referrerPolicy: "no-referrer",
    });
  } catch (error) {
    throw new GitHubError(0, "Không kết nối được với GitHub (" + error.message + "). Kiểm tra mạng rồi thử lại.");
  }
  var data = null;
  try {
    data = await response.json();
  } catch (error) {
    data = null;
  }
  if (response.status === 404 && missingOk) return null;
  if (!response.ok) throw new GitHubError(response.status, errorMessage(response.status, data, response.headers));
  return data;
}

export function wait(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
