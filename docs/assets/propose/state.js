// What every part of the form shares: the build's data (de-xuat/du-lieu.json) indexed by
// id, the record being corrected, the form's own state, its boxes on the page, and the
// proposal kept in this browser between visits.

import { collapse } from "./text.js";
import { setFutureYears } from "./dates.js";

export var ctx = {
  data: null,
  labels: {},
  types: {}, // folder → type (its schema, labels, which fields name what)
  entities: {},
  sources: {}, // id → source, with its paragraphs' collapsed text for quote checks
  records: {},
  themeTitles: {},
  sourceTexts: [], // [id, whole text collapsed and lower-cased] for names in the sources
  editing: null, // the record being corrected, or null for a new one
  state: { type: "events", touched: {}, showAll: false, branch: "" },
  newEntities: [], // {id, read(), parts}
  widgets: [], // {name, read(), write(value)}
  slots: {}, // "evidence.0.quote" → {box, control}: where a problem is shown
  ui: {}, // the form's boxes (form, fieldsBox, entitiesBox, status, problemList, …)
  schedule: function () {},
  update: function () {},
};

function byId(items, key) {
  var out = {};
  items.forEach(function (item) {
    out[key(item)] = item;
  });
  return out;
}

export function loadData(data, params) {
  setFutureYears(data.future_years);
  ctx.data = data;
  ctx.labels = data.labels;
  ctx.types = byId(data.types, (type) => type.folder);
  ctx.entities = byId(data.entities, (entity) => entity.id);
  data.sources.forEach(function (source) {
    source.collapsed = source.paragraphs.map(function (p) {
      return [p[0], collapse(p[3])];
    });
  });
  ctx.sources = byId(data.sources, (source) => source.id);
  ctx.records = byId(data.records, (record) => record.data.id);
  data.themes.forEach(function (theme) {
    ctx.themeTitles[theme.id] = theme.title;
  });
  ctx.sourceTexts = data.sources.map(function (source) {
    return [source.id, collapse(source.paragraphs.map((p) => p[3]).join(" ")).toLowerCase()];
  });
  var wanted = params.get("sua");
  ctx.editing = wanted && ctx.records[wanted] ? ctx.records[wanted] : null;
  ctx.state.type = ctx.editing ? ctx.editing.folder : params.get("loai") || "events";
  if (!ctx.types[ctx.state.type]) ctx.state.type = "events";
}

export function currentSchema() {
  return ctx.types[ctx.state.type].schema;
}

// ---------------------------------------------------------------- the draft
// A proposal in progress is kept in this browser (never sent anywhere), so that closing
// the tab or following a link loses nothing. A correction is a draft too, under its record's
// id, kept while it differs from the record's file.

var DRAFT_KEY = "kb-propose:draft";
var draftReady = false;

function draftKey() {
  return ctx.editing ? DRAFT_KEY + ":sua:" + ctx.editing.data.id : DRAFT_KEY;
}

export function saveDraft(record, entityData, changed, source) {
  if (!draftReady) return;
  try {
    if (ctx.editing && !changed) window.localStorage.removeItem(draftKey());
    else if (Object.keys(record).length || entityData.length || source) {
      window.localStorage.setItem(
        draftKey(),
        JSON.stringify({ type: ctx.state.type, record: record, entities: entityData, source: source, saved: Date.now() })
      );
    }
  } catch (error) {
    // storage may be full or disabled: the form works without it
  }
}

export function readDraft() {
  var draft = null;
  try {
    draft = JSON.parse(window.localStorage.getItem(draftKey()) || "null");
  } catch (error) {
    draft = null;
  }
  draftReady = true;
  return draft && ctx.types[draft.type] ? draft : null;
}

export function discardDraft() {
  try {
    window.localStorage.removeItem(draftKey());
  } catch (error) {
    // nothing kept, nothing to remove
  }
}
