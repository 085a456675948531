// Building the form's elements: one helper, so that record text only ever becomes text
// nodes and attribute values (never markup).

var uid = 0;

export function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    var value = attrs[name];
    if (value === null || value === undefined || value === false) return;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  });
  (children || []).forEach(function (child) {
    if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return node;
}

export function newId(name) {
  uid += 1;
  return "kb-f-" + name.replace(/[^a-z0-9]+/gi, "-") + "-" + uid;
}
