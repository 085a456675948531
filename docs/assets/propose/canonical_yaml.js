// The canonical YAML `make fix` writes, rule for rule from the specification in
// scripts/defence_kb/fix/canonical_yaml.py (lengths in code points, WIDTH 100).

var WIDTH = 100;
var CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
var SPECIAL = new RegExp(
  "^(?:~|null|Null|NULL" +
    "|[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF" +
    "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)" +
    "|[-+]?0[bBoOxX][0-9a-fA-F_]+" +
    "|[-+]?[0-9._:]*[0-9][0-9._:]*(?:[eE][-+]?[0-9]+)?" +
    "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \\t].*)?" +
    "|<<|=)$",
  "s"
);
var NUMBER_OR_DATE = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?|[0-9]{4}-[0-9]{2}-[0-9]{2})$/;
var PLAIN_FIRST_FORBIDDEN = "-?:,[]{}#&*!|>'\"%@`";
var NAMED_ESCAPES = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t" };

function length(text) {
  return Array.from(text).length;
}

function isPlain(text) {
  if (NUMBER_OR_DATE.test(text)) return true;
  if (!text || CONTROL.test(text)) return false;
  var chars = Array.from(text);
  if (chars[0] === " " || chars[chars.length - 1] === " " || PLAIN_FIRST_FORBIDDEN.indexOf(chars[0]) >= 0) return false;
  if (text.indexOf(": ") >= 0 || text.indexOf(" #") >= 0 || text.charAt(text.length - 1) === ":") return false;
  return !SPECIAL.test(text) || NUMBER_OR_DATE.test(text);
}

function hex(code, digits) {
  var text = code.toString(16).toUpperCase();
  while (text.length < digits) text = "0" + text;
  return text;
}

function doubleQuoted(text) {
  return (
    '"' +
    Array.from(text)
      .map(function (char) {
        if (NAMED_ESCAPES[char]) return NAMED_ESCAPES[char];
        if (CONTROL.test(char)) {
          var code = char.codePointAt(0);
          return code < 0x100 ? "\\x" + hex(code, 2) : "\\u" + hex(code, 4);
        }
        return char;
      })
      .join("") +
    '"'
  );
}

function isFoldable(text) {
  if (!text || CONTROL.test(text.replace(/\n/g, ""))) return false;
  if (text.charAt(0) === "\n" || text.charAt(text.length - 1) === "\n") return false;
  return text.split("\n").every(function (part) {
    return !part || (part.charAt(0) !== " " && part.charAt(part.length - 1) !== " ");
  });
}

function foldWords(part) {
  var chars = Array.from(part);
  var words = [];
  var begin = 0;
  for (var index = 1; index < chars.length - 1; index += 1) {
    if (chars[index] === " " && chars[index - 1] !== " " && chars[index + 1] !== " ") {
      words.push(chars.slice(begin, index).join(""));
      begin = index + 1;
    }
  }
  words.push(chars.slice(begin).join(""));
  return words;
}

function foldLines(text, room) {
  var lines = [];
  text.split("\n").forEach(function (part, number) {
    if (number) lines.push("");
    if (!part) return;
    var words = foldWords(part);
    var line = words[0];
    words.slice(1).forEach(function (word) {
      if (length(line) + 1 + length(word) <= room) line += " " + word;
      else {
        lines.push(line);
        line = word;
      }
    });
    lines.push(line);
  });
  return lines;
}

function stringLines(head, text, contentIndent) {
  if (isPlain(text) && length(head) + 1 + length(text) <= WIDTH) return [head + " " + text];
  var quoted = doubleQuoted(text);
  if (text.indexOf("\n") < 0 && length(head) + 1 + length(quoted) <= WIDTH) return [head + " " + quoted];
  if (isFoldable(text)) {
    var pad_ = " ".repeat(contentIndent);
    return [head + " >-"].concat(
      foldLines(text, WIDTH - contentIndent).map(function (line) {
        return line ? pad_ + line : "";
      })
    );
  }
  return [head + " " + quoted];
}

function yamlKey(key) {
  return isPlain(key) ? key : doubleQuoted(key);
}

function attach(dash, lines, indent) {
  return [dash + " " + lines[0].slice(indent + 2)].concat(lines.slice(1));
}

function valueLines(head, value, indent, inList) {
  if (value === null || value === undefined) return [head];
  if (typeof value === "string") return stringLines(head, value, indent + 2);
  if (Array.isArray(value)) {
    if (!value.length) return [head + " []"];
    if (inList) return attach(head, sequenceLines(value, indent + 2), indent);
    return [head].concat(sequenceLines(value, indent));
  }
  if (typeof value === "object") {
    if (!Object.keys(value).length) return [head + " {}"];
    if (inList) return attach(head, mappingLines(value, indent + 2), indent);
    return [head].concat(mappingLines(value, indent + 2));
  }
  return stringLines(head, String(value), indent + 2);
}

function mappingLines(mapping, indent) {
  var lines = [];
  Object.keys(mapping).forEach(function (key) {
    lines = lines.concat(valueLines(" ".repeat(indent) + yamlKey(key) + ":", mapping[key], indent, false));
  });
  return lines;
}

function sequenceLines(items, indent) {
  var lines = [];
  items.forEach(function (item) {
    lines = lines.concat(valueLines(" ".repeat(indent) + "-", item, indent, true));
  });
  return lines;
}

export function toYaml(data) {
  var body = Object.keys(data).length ? mappingLines(data, 0) : ["{}"];
  return body.join("\n") + "\n";
}
