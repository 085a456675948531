// Near duplicates: an existing record whose title or id is close to the proposal's is shown
// with a link before sending, so that an editor corrects it instead of adding it twice.

import { el } from "./dom.js";
import { fold } from "./text.js";
import { ctx } from "./state.js";

var CLOSE = 0.75; // Dice coefficient of character bigrams, tones folded
var CONTAINED = 0.8; // or most of the words of the shorter title are in the other one

function bigrams(text) {
  var padded = " " + fold(text || "").replace(/[^a-z0-9]+/g, " ").trim() + " ";
  var counts = {};
  for (var i = 0; i < padded.length - 1; i += 1) {
    var pair = padded.slice(i, i + 2);
    counts[pair] = (counts[pair] || 0) + 1;
  }
  return counts;
}

function words(text) {
  return fold(text || "").replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
}

function containment(a, b) {
  if (a.length < 4 || b.length < 4) return 0;
  var other = new Set(b);
  var shared = new Set(a.filter((word) => other.has(word))).size;
  return shared / Math.min(new Set(a).size, other.size);
}

function dice(a, b) {
  var shared = 0;
  var total = 0;
  Object.keys(a).forEach(function (pair) {
    total += a[pair];
    if (b[pair]) shared += Math.min(a[pair], b[pair]);
  });
  Object.keys(b).forEach((pair) => (total += b[pair]));
  return total ? (2 * shared) / total : 0;
}

var index = null;

function indexed() {
  if (!index) {
    index = ctx.data.records.map(function (record) {
      return {
        record: record,
        title: bigrams(record.data.title),
        words: words(record.data.title),
        id: bigrams(record.data.id.replace(/-/g, " ")),
      };
    });
  }
  return index;
}

export function nearDuplicates(record) {
  if (!record.title && !record.id) return [];
  var title = bigrams(record.title);
  var titleWords = words(record.title);
  var id = bigrams((record.id || "").replace(/-/g, " "));
  var score = function (item) {
    var byTitle = record.title ? Math.max(dice(title, item.title), containment(titleWords, item.words) >= CONTAINED ? 1 : 0) : 0;
    return Math.max(byTitle, record.id ? dice(id, item.id) : 0);
  };
  return indexed()
    .filter((item) => !(ctx.editing && item.record.data.id === ctx.editing.data.id))
    .map((item) => [score(item), item.record])
    .filter((pair) => pair[0] >= CLOSE)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 5)
    .map((pair) => pair[1]);
}

export function renderDuplicates(box, record) {
  var found = nearDuplicates(record);
  box.textContent = "";
  box.hidden = !found.length;
  if (!found.length) return;
  box.appendChild(el("p", { text: "Có thể đã có bản ghi này (tiêu đề hoặc mã gần giống). Xem trước khi gửi; nếu đúng là nó, hãy đề xuất sửa bản ghi ấy:" }));
  var list = el("ul", {});
  found.forEach(function (other) {
    var href = "../" + ctx.types[other.folder].url_prefix + "/" + other.data.id + "/";
    list.appendChild(el("li", {}, [el("a", { href: href, text: other.data.title }), " (" + ctx.types[other.folder].label + ", mã " + other.data.id + ")"]));
  });
  box.appendChild(list);
}
