// KEY ORDER (scripts/defence_kb/fix/key_order.py): the keys of a record and of each nested object in the order of
// the schema's properties; keys the schema does not know follow, in their own order.
export function orderKeys(value, property, schema) {
  if (Array.isArray(value)) {
    return value.map((item) => orderKeys(item, property && property.items, schema));
  }
  if (!value || typeof value !== "object") return value;
  var definition = property;
  // the object among the property's options, however deep (a date is null, or a day, or {start, end})
  (function visit(option) {
    if (!option) return;
    if (option.$ref) definition = schema.$defs[option.$ref.split("/").pop()];
    else if (option.properties && !definition.properties) definition = option;
    (option.anyOf || []).concat(option.oneOf || []).forEach(visit);
  })(property);
  var known = definition && definition.properties ? Object.keys(definition.properties) : [];
  var keys = known.filter((key) => key in value).concat(Object.keys(value).filter((key) => known.indexOf(key) < 0));
  var out = {};
  keys.forEach(function (key) {
    // a reference's `supports` names fields of its file: in their order (key_order.SUPPORTS)
    var inner = key === "supports" && schema.$defs && definition === schema.$defs.Reference ? { properties: schema.properties } : null;
    out[key] = orderKeys(value[key], inner || (definition && definition.properties ? definition.properties[key] : null), schema);
  });
  return out;
}
