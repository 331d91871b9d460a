// zhen review: the browser side. No framework, no network beyond this server.
// Document text is only ever set through textContent / text nodes, never as HTML.
"use strict";

const TOKEN = new URLSearchParams(location.search).get("token") || "";
const SEVERITIES = ["minor", "major", "critical"];
const state = {
  pairs: new Map(),   // id -> pair as the API gives it
  order: [],
  seq: 0,
  current: null,      // {pair: id, flag: id|null}
  cards: new Map(),   // id -> rendered <article>
  drafts: new Map(),  // id -> {text, version}: English being edited, from that version of the pair
  notes: new Map(),   // id -> note shown on the card (conflicts)
};

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

async function api(method, path, body) {
  const opts = { method, headers: { "X-Zhen-Token": TOKEN } };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const resp = await fetch(path, opts);
  let data = {};
  try { data = await resp.json(); } catch (e) { data = { error: resp.statusText }; }
  return { status: resp.status, data };
}

function notice(text) {
  const box = $("notice");
  box.textContent = text;
  box.hidden = !text;
  if (text) { clearTimeout(notice.timer); notice.timer = setTimeout(() => { box.hidden = true; }, 8000); }
}

// ---------------------------------------------------------------- state

function apply(data, fromPoll) {
  const orderChanged = JSON.stringify(data.order) !== JSON.stringify(state.order);
  const changed = [];
  for (const p of data.pairs || []) {
    const old = state.pairs.get(p.id);
    if (fromPoll && old && old.version !== p.version) changed.push(p);
    state.pairs.set(p.id, p);
  }
  if (data.order) {
    state.order = data.order;
    const keep = new Set(data.order);
    for (const id of [...state.pairs.keys()]) if (!keep.has(id)) { state.pairs.delete(id); state.cards.delete(id); }
  }
  if (data.seq > state.seq) state.seq = data.seq;
  if (data.title !== undefined) $("title").textContent = data.title ? "· " + data.title : "";
  if (changed.length) notice("Changed in another tab: " + changed.map(p => "pair #" + p.pos).join(", "));
  fillFilters();
  if (orderChanged) renderAll();
  else for (const p of data.pairs || []) renderCard(p.id);
  counts();
}

async function load() {
  const { status, data } = await api("GET", "/api/pairs");
  if (status !== 200) { $("pairs").textContent = data.error || "cannot load the review"; return; }
  state.order = [];
  apply(data, false);
}

async function poll() {
  const { status, data } = await api("GET", "/api/pairs?since=" + state.seq);
  if (status === 200 && (data.pairs.length || JSON.stringify(data.order) !== JSON.stringify(state.order))) apply(data, true);
  else if (status === 200 && data.seq > state.seq) state.seq = data.seq;
}

async function change(path, body, pairId) {
  document.body.classList.add("busy");
  notice(path.match(/merge|split|move/) || body.en !== undefined ? "Saving; the checks run again…" : "");
  try {
    const { status, data } = await api("POST", path, body);
    if (status === 200) { notice(""); apply(data, false); return true; }
    if (status === 409 && data.pair) {
      state.pairs.set(data.pair.id, data.pair);
      const draft = state.drafts.get(data.pair.id);
      if (draft) draft.version = data.pair.version; // seen now: saving again replaces theirs
      state.notes.set(data.pair.id, "Another tab saved this pair first (now shown). " +
        (state.drafts.has(data.pair.id) ? "Your English is kept in the box: save again to replace theirs." : "Do it again to replace theirs."));
      renderCard(data.pair.id);
      notice(data.error);
      return false;
    }
    notice(data.error || ("error " + status));
    return false;
  } finally {
    document.body.classList.remove("busy");
    if (pairId !== undefined) counts();
  }
}

// ---------------------------------------------------------------- filters and counts

function filters() {
  return {
    severity: $("f-severity").value, category: $("f-category").value, check: $("f-check").value,
    flagged: $("f-flagged").checked, pending: $("f-pending").checked,
  };
}

function flagMatches(f, flt) {
  return f.status !== "dismissed" && (!flt.severity || f.severity === flt.severity) &&
    (!flt.category || f.category === flt.category) && (!flt.check || f.check === flt.check);
}

function visible(p, flt) {
  if (flt.pending && p.decision !== "pending") return false;
  const narrowed = flt.severity || flt.category || flt.check || flt.flagged;
  return !narrowed || p.flags.some(f => flagMatches(f, flt));
}

function fillFilters() {
  const seen = { severity: new Set(), category: new Set(), check: new Set() };
  for (const p of state.pairs.values()) for (const f of p.flags) {
    seen.severity.add(f.severity); seen.category.add(f.category); seen.check.add(f.check);
  }
  for (const kind of ["severity", "category", "check"]) {
    const select = $("f-" + kind);
    const values = [...seen[kind]].sort((a, b) => kind === "severity" ? SEVERITIES.indexOf(b) - SEVERITIES.indexOf(a) : a.localeCompare(b));
    const have = [...select.options].slice(1).map(o => o.value);
    if (JSON.stringify(have) === JSON.stringify(values)) continue;
    const chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const v of values) select.append(el("option", { value: v }, v));
    select.value = values.includes(chosen) ? chosen : "";
  }
}

function counts() {
  let pending = 0, open = 0, dismissed = 0, shown = 0;
  const flt = filters();
  for (const id of state.order) {
    const p = state.pairs.get(id);
    if (!p) continue;
    if (p.decision === "pending") pending++;
    if (visible(p, flt)) shown++;
  }
  const seenFlags = new Set();
  for (const p of state.pairs.values()) for (const f of p.flags) {
    if (seenFlags.has(f.id)) continue;
    seenFlags.add(f.id);
    if (f.status === "dismissed") dismissed++; else if (f.status === "open") open++;
  }
  $("counts").textContent = `${state.order.length} pairs · ${pending} not yet reviewed · ${open} flags left to check · ${dismissed} dismissed · showing ${shown}`;
}

// ---------------------------------------------------------------- rendering

function highlighted(text, spans) {
  // spans: [{start, end, flag, severity}] in code points (as Python counts them)
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(s.start, chars.length))); cuts.add(Math.max(0, Math.min(s.end, chars.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const over = spans.filter(s => s.start <= a && s.end >= b && s.end > s.start);
    if (!over.length) { out.append(document.createTextNode(piece)); continue; }
    const worst = over.reduce((w, s) => SEVERITIES.indexOf(s.severity) > SEVERITIES.indexOf(w) ? s.severity : w, "minor");
    out.append(el("mark", { class: "sev-" + worst, "data-flags": over.map(s => s.flag).join(" "), title: over.map(s => s.message).join("\n") }, piece));
  }
  return out;
}

function spansOf(p, side) {
  const spans = [];
  for (const f of p.flags) {
    if (f.status === "dismissed") continue;
    for (const [start, end] of f[side + "_spans"]) spans.push({ start, end, flag: f.id, severity: f.severity, message: f.message });
  }
  return spans;
}

function setCurrent(pairId, flagId) {
  state.current = { pair: pairId, flag: flagId === undefined ? null : flagId };
  for (const node of document.querySelectorAll(".pair.current, li.flag.current")) node.classList.remove("current");
  const card = state.cards.get(pairId);
  if (!card) return;
  card.classList.add("current");
  const item = flagId === null || flagId === undefined ? null : card.querySelector(`li.flag[data-flag="${Number(flagId)}"]`);
  if (item) item.classList.add("current");
  card.scrollIntoView({ block: "nearest" });
}

function renderAll() {
  const main = $("pairs");
  main.textContent = "";
  const flt = filters();
  for (const id of state.order) {
    const p = state.pairs.get(id);
    if (p && visible(p, flt)) main.append(cardFor(p));
  }
  if (!main.children.length) main.append(el("p", { class: "loading" }, "No pair matches these filters."));
  counts();
}

function renderCard(id) {
  const old = state.cards.get(id);
  const p = state.pairs.get(id);
  if (!old || !p) return;
  if (old.contains(document.activeElement) && ["INPUT", "TEXTAREA"].includes(document.activeElement.tagName)) return; // typing
  const card = cardFor(p);
  old.replaceWith(card);
}

function cardFor(p) {
  const cur = state.current && state.current.pair === p.id;
  const card = el("article", { class: `pair d-${p.decision}` + (cur ? " current" : ""), id: "pair-" + p.id, "data-id": p.id });
  card.addEventListener("click", (ev) => { if (!(state.current && state.current.pair === p.id) && ev.target.tagName !== "BUTTON") setCurrent(p.id, null); });
  const meta = el("div", { class: "meta" },
    el("span", { class: "pos" }, "#" + p.pos),
    el("span", { class: "decision" }, p.decision === "pending" ? "not reviewed" : p.decision),
    p.score !== null ? el("span", {}, "confidence " + p.score.toFixed(2)) : null,
    p.qe !== null ? el("span", {}, "qe " + p.qe.toFixed(1)) : null,
    p.tags ? el("span", {}, "inline tags: edit in your CAT tool") : null);
  const zh = el("div", { class: "zh", lang: "zh" });
  zh.append(highlighted(p.zh, spansOf(p, "zh")));
  const en = el("div", { class: "en", lang: "en" });
  if (state.drafts.has(p.id)) {
    const box = el("textarea", { "aria-label": "English of pair " + p.pos });
    box.value = state.drafts.get(p.id).text;
    box.addEventListener("input", () => { state.drafts.get(p.id).text = box.value; });
    box.addEventListener("keydown", (ev) => { if (ev.key === "Escape") cancelEdit(p.id); if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) saveEdit(p.id); });
    en.append(box, el("div", { class: "actions" },
      el("button", { type: "button", class: "save-en", onclick: () => saveEdit(p.id) }, "Save fix"),
      el("button", { type: "button", onclick: () => cancelEdit(p.id) }, "Cancel")));
  } else {
    en.append(highlighted(p.en, spansOf(p, "en")));
  }
  card.append(meta, el("div", { class: "texts" }, zh, en));
  if (state.notes.has(p.id)) card.append(el("div", { class: "card-note" }, state.notes.get(p.id)));
  const list = el("ul", { class: "flags" });
  for (const f of p.flags) {
    const current = state.current && state.current.flag === f.id && state.current.pair === p.id;
    list.append(el("li", { class: `flag st-${f.status}` + (current ? " current" : ""), "data-flag": f.id },
      el("span", { class: "sev " + f.severity }, f.severity),
      el("span", { class: "text" },
        el("span", { class: "check" }, f.check + " · " + f.category + (f.document ? " · document" : "") + ": "),
        f.message,
        f.suggestion ? el("span", { class: "suggestion" }, " → " + f.suggestion) : null),
      el("button", { type: "button", class: "confirm" + (f.status === "confirmed" ? " on" : ""), onclick: () => verdict(f, f.status === "confirmed" ? "open" : "confirmed") }, "Confirm"),
      el("button", { type: "button", class: "dismiss" + (f.status === "dismissed" ? " on" : ""), onclick: () => verdict(f, f.status === "dismissed" ? "open" : "dismissed") },
        f.status === "dismissed" ? "Dismissed" : "Dismiss")));
  }
  if (p.flags.length) card.append(list);
  const comment = el("input", { class: "comment", type: "text", placeholder: "comment", "aria-label": "comment on pair " + p.pos });
  comment.value = p.comment;
  comment.addEventListener("change", () => change("/api/pairs/" + p.id, { comment: comment.value, version: versionOf(p.id) }, p.id));
  const decide = (d) => el("button", { type: "button", class: d + (p.decision === d ? " on" : ""), onclick: () => decideOn(p.id, d) }, d[0].toUpperCase() + d.slice(1));
  card.append(el("div", { class: "actions" }, decide("accept"),
    el("button", { type: "button", class: "fix" + (p.decision === "fix" ? " on" : ""), disabled: p.tags, onclick: () => startEdit(p.id) }, "Fix"),
    decide("reject"), comment));
  card.append(alignmentTools(p));
  state.cards.set(p.id, card);
  return card;
}

// versions are read when the button is pressed: the card may have been drawn before a save
function versionOf(id) { const p = state.pairs.get(id); return p ? p.version : undefined; }

function neighbourOf(id, step) { return state.order[state.order.indexOf(id) + step]; }

function alignmentTools(p) {
  const at = state.order.indexOf(p.id);
  const prev = at > 0 ? state.pairs.get(state.order[at - 1]) : null;
  const next = at + 1 < state.order.length ? state.pairs.get(state.order[at + 1]) : null;
  const box = el("details", { class: "align" }, el("summary", {}, "Alignment"));
  if (p.tags) { box.append(el("p", {}, "This pair holds inline tags: fix its alignment in your CAT tool.")); return box; }
  box.append(el("div", { class: "row" },
    el("button", { type: "button", class: "merge", disabled: !next, onclick: () => change(`/api/pairs/${p.id}/merge`, { version: versionOf(p.id), next_version: versionOf(neighbourOf(p.id, 1)) }, p.id) }, "Merge with next pair")));
  const choice = (side) => {
    const n = p[side + "_sentences"].length;
    const select = el("select", { class: "split-" + side, "aria-label": side + " sentences kept in the first part" });
    for (let k = 0; k <= n; k++) {
      const label = k === 0 ? "none" : k === n ? `all ${n}` : `${k}: …` + Array.from(p[side + "_sentences"][k - 1]).slice(-12).join("");
      select.append(el("option", { value: k }, label));
    }
    select.value = String(Math.min(1, n));
    return select;
  };
  const zhAt = choice("zh"), enAt = choice("en");
  box.append(el("div", { class: "row" }, "Split: keep in the first part ", zhAt, " Chinese and ", enAt, " English sentences ",
    el("button", { type: "button", class: "split", onclick: () => change(`/api/pairs/${p.id}/split`, { zh_at: Number(zhAt.value), en_at: Number(enAt.value), version: versionOf(p.id) }, p.id) }, "Split")));
  const move = (side, to, label) => {
    const other = to === "prev" ? prev : next;
    return el("button", { type: "button", class: `move-${side}-${to}`, disabled: !other || !p[side + "_sentences"].length || other.tags,
      onclick: () => change(`/api/pairs/${p.id}/move`, { side, to, version: versionOf(p.id), neighbour_version: versionOf(neighbourOf(p.id, to === "prev" ? -1 : 1)) }, p.id) }, label);
  };
  box.append(el("div", { class: "row" }, "Move a sentence: ",
    move("zh", "prev", "first Chinese ↑ to previous pair"), move("zh", "next", "last Chinese ↓ to next pair"),
    move("en", "prev", "first English ↑ to previous pair"), move("en", "next", "last English ↓ to next pair")));
  return box;
}

// ---------------------------------------------------------------- actions

function decideOn(id, decision) {
  const p = state.pairs.get(id);
  if (!p) return;
  state.notes.delete(id);
  return change("/api/pairs/" + id, { decision, version: p.version }, id);
}

function startEdit(id) {
  const p = state.pairs.get(id);
  if (!p || p.tags) return;
  if (!state.drafts.has(id)) state.drafts.set(id, { text: p.en, version: p.version });
  state.current = { pair: id, flag: state.current && state.current.pair === id ? state.current.flag : null };
  renderCard(id);
  const box = state.cards.get(id).querySelector("textarea");
  if (box) box.focus();
}

function cancelEdit(id) { state.drafts.delete(id); state.notes.delete(id); renderCard(id); }

async function saveEdit(id) {
  const p = state.pairs.get(id);
  const draft = state.drafts.get(id);
  if (!p || draft === undefined) return;
  const ok = await change("/api/pairs/" + id, { en: draft.text, version: draft.version }, id);
  if (ok) { state.drafts.delete(id); state.notes.delete(id); renderCard(id); }
}

function verdict(f, status) { return change("/api/flags/" + f.id, { status }); }

function navigation() {
  // every flag the filters show, in document order; pairs without flags when none
  const flt = filters();
  const out = [];
  for (const id of state.order) {
    const p = state.pairs.get(id);
    if (!p || !visible(p, flt)) continue;
    for (const f of p.flags) if (flagMatches(f, flt)) out.push({ pair: id, flag: f.id });
  }
  return out;
}

function step(delta) {
  const stops = navigation();
  if (!stops.length) return;
  const cur = state.current;
  let at = cur ? stops.findIndex(s => s.pair === cur.pair && s.flag === cur.flag) : -1;
  if (at < 0 && cur) { // from a pair without a current flag: the first flag after it
    const pos = state.order.indexOf(cur.pair);
    at = stops.findIndex(s => state.order.indexOf(s.pair) >= pos) - (delta > 0 ? 1 : 0);
  }
  at = Math.max(0, Math.min(stops.length - 1, at + delta));
  setCurrent(stops[at].pair, stops[at].flag);
}

function currentFlag() {
  const cur = state.current;
  const p = cur && state.pairs.get(cur.pair);
  return p && p.flags.find(f => f.id === cur.flag);
}

document.addEventListener("keydown", (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const tag = (ev.target && ev.target.tagName) || "";
  if (["INPUT", "TEXTAREA", "SELECT"].includes(tag)) return;
  const cur = state.current;
  if (ev.key === "j") step(1);
  else if (ev.key === "k") step(-1);
  else if (ev.key === "a" && cur) decideOn(cur.pair, "accept");
  else if (ev.key === "r" && cur) decideOn(cur.pair, "reject");
  else if (ev.key === "e" && cur) { ev.preventDefault(); startEdit(cur.pair); }
  else if (ev.key === "d") { const f = currentFlag(); if (f) verdict(f, "dismissed"); }
  else return;
  ev.preventDefault();
});

async function exportTmx() {
  const out = $("export-result");
  out.textContent = "exporting…";
  const { status, data } = await api("POST", "/api/export", { format: "tmx" });
  out.textContent = "";
  if (status !== 200) { out.textContent = data.error || "export failed"; return; }
  out.append(el("a", { href: data.download + "?token=" + encodeURIComponent(TOKEN), download: data.file, id: "download" }, "Download " + data.file),
    el("span", { class: "summary" }, " " + data.summary));
}

for (const id of ["f-severity", "f-category", "f-check", "f-flagged", "f-pending"]) $(id).addEventListener("change", renderAll);
$("export").addEventListener("click", exportTmx);
load();
setInterval(poll, 2500);
