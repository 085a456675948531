// Text as scripts/defence_kb/text.py handles it: white space collapsed as quotes are
// compared, NFC, search folding, and slugs as text.slugify makes them.

// Python's str.split() white space, which collapse_whitespace uses to compare quotes.
export var SPACE_CLASS = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
var SPACES = new RegExp(SPACE_CLASS + "+", "g");
var EDGE_SPACES = new RegExp("^" + SPACE_CLASS + "+|" + SPACE_CLASS + "+$", "g");

export function collapse(text) {
  return text.replace(SPACES, " ").replace(/^ | $/g, "");
}

export function strip(text) {
  return text.replace(EDGE_SPACES, "");
}

export function nfc(text) {
  return text.normalize("NFC");
}

// Search folding (tones and marks off, đ as d): the site search's own function, from
// docs/assets/search.js, which every page loads before this deferred script.
export var fold = window.kbFold;

// text.slugify: python-slugify (legacy pipeline) after folding diacritics, cut at a word
// boundary at 80 characters. Letters that transliterate to more than a mark-less letter
// are listed; every other character is a separator, as in python-slugify.
var TRANSLITERATION = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "×": "x", "°": "deg", "€": "EUR" };

// python-slugify's smart_truncate with word_boundary: words that fit are kept, a word
// that would pass the limit is skipped (later, shorter words may still fit).
function smartTruncate(text, max) {
  text = text.replace(/^-+|-+$/g, "");
  if (text.length < max) return text;
  if (text.indexOf("-") < 0) return text.slice(0, max);
  var truncated = "";
  var words = text.split("-");
  for (var i = 0; i < words.length; i += 1) {
    if (!words[i]) continue;
    var next = truncated.length + words[i].length;
    if (next < max) truncated += words[i] + "-";
    else if (next === max) {
      truncated += words[i];
      break;
    }
  }
  if (!truncated) truncated = text.slice(0, max);
  return truncated.replace(/^-+|-+$/g, "");
}

export function slugify(text, maxLength) {
  var folded = fold(text)
    .normalize("NFC")
    .replace(/'+/g, "-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\u0000-\u007f]/g, function (ch) {
      return TRANSLITERATION[ch] || TRANSLITERATION[ch.toLowerCase()] || "-";
    })
    .toLowerCase()
    .replace(/'+/g, "")
    .replace(/(\d),(?=\d)/g, "$1")
    .replace(/[^-a-z0-9]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return smartTruncate(folded, maxLength || 80);
}

export var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
