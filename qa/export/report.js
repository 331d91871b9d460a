// zhen report: filters, search, sorting, pages and n/p navigation over the pairs in
// #zhen-data. Document text only ever reaches the page through textContent and
// attribute setters, never as HTML. No libraries, nothing fetched: works from file://.
(function () {
  "use strict";
  var PAGE = 200;
  var D = JSON.parse(document.getElementById("zhen-data").textContent);
  var SEV = D.sev, FL = D.flags, P = D.pairs;
  var body = document.querySelector("#pairs tbody");
  var hasConf = P.some(function (p) { return p.c !== null; });
  var hasQe = P.some(function (p) { return p.q !== null; });
  var ui = {
    flagged: document.getElementById("flagged"), cat: document.getElementById("cat"),
    chk: document.getElementById("chk"), q: document.getElementById("q"),
    sort: document.getElementById("sort"), status: document.getElementById("status"),
    pager: document.getElementById("pager"),
    sev: Array.prototype.slice.call(document.querySelectorAll("#controls input.sev"))
  };
  var at = {};            // pair id -> index in P
  var view = [];          // indices into P, filtered and sorted
  var where = {};         // index in P -> index in view
  var page = 0, cur = -1; // current page; index in view of the pair last gone to
  P.forEach(function (p, i) { at[p.i] = i; });
  ui.flagged.checked = D.flaggedOnly;

  function plain(pieces) { return pieces.map(function (x) { return x[0]; }).join(""); }

  // The flags of pair p that pass the severity, category and check filters (f: the filters).
  function active(p, f) {
    return p.f.filter(function (k) {
      var x = FL[k];
      return f.sev[x.s] && (!f.cat || x.g === f.cat) && (!f.chk || x.k === f.chk);
    });
  }

  function worst(p) {
    return p.a.reduce(function (w, k) { return Math.max(w, FL[k].s); }, -1);
  }

  function compute() {
    var q = ui.q.value.trim().toLowerCase();
    var f = {sev: ui.sev.map(function (b) { return b.checked; }), cat: ui.cat.value, chk: ui.chk.value};
    view = [];
    P.forEach(function (p, i) {
      p.a = p.f.length ? active(p, f) : p.f;
      if (ui.flagged.checked && !p.a.length) return;
      if (q) {
        if (p.lz === undefined) { p.lz = plain(p.z).toLowerCase(); p.le = plain(p.e).toLowerCase(); }
        if (p.lz.indexOf(q) < 0 && p.le.indexOf(q) < 0) return;
      }
      view.push(i);
    });
    var key = ui.sort.value;
    var low = function (v) { return v === null ? Infinity : v; };
    if (key === "sev") view.sort(function (a, b) { return worst(P[b]) - worst(P[a]) || a - b; });
    else if (key === "conf") view.sort(function (a, b) { return low(P[a].c) - low(P[b].c) || a - b; });
    else if (key === "qe") view.sort(function (a, b) { return low(P[a].q) - low(P[b].q) || a - b; });
    where = {};
    view.forEach(function (i, v) { where[i] = v; });
  }

  function cell(cls, text) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    if (text !== undefined) td.textContent = text;
    return td;
  }

  function textCell(pieces, lang) {
    var td = cell("text");
    td.lang = lang;
    pieces.forEach(function (x) {
      if (x.length === 1) { td.appendChild(document.createTextNode(x[0])); return; }
      var m = document.createElement("mark");
      m.className = SEV[x[1]];
      m.textContent = x[0];
      m.title = x[2].map(function (k) { return FL[k].t; }).join("\n");
      td.appendChild(m);
    });
    return td;
  }

  function flagList(p) {
    var td = cell("");
    if (!p.f.length) return td;
    var ul = document.createElement("ul");
    ul.className = "flags";
    p.f.forEach(function (k) {
      var li = document.createElement("li"), f = FL[k];
      if (p.a.indexOf(k) < 0) li.className = "off";
      if (f.d) {
        var a = document.createElement("a");
        a.href = "#d" + k;
        a.textContent = "[" + SEV[f.s] + "] " + f.k + ": see document-level flags";
        li.appendChild(a);
      } else {
        li.textContent = f.t;
      }
      ul.appendChild(li);
    });
    td.appendChild(ul);
    return td;
  }

  function row(i) {
    var p = P[i], tr = document.createElement("tr"), w = worst(p);
    tr.id = "p" + p.i;
    var cls = [];
    if (w >= 0) cls.push(SEV[w]);
    if (p.h) cls.push("heading");
    if (cur >= 0 && view[cur] === i) cls.push("target");
    tr.className = cls.join(" ");
    tr.appendChild(cell("num", String(p.i)));
    tr.appendChild(textCell(p.z, "zh-CN"));
    tr.appendChild(textCell(p.e, "en"));
    if (hasConf) tr.appendChild(cell("num", p.c === null ? "" : p.c.toFixed(2)));
    if (hasQe) tr.appendChild(cell("num", p.q === null ? "" : p.q.toFixed(0)));
    tr.appendChild(flagList(p));
    return tr;
  }

  function button(label, to, disabled) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.disabled = disabled;
    b.addEventListener("click", function () { page = to; render(); });
    return b;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    page = Math.min(Math.max(0, page), pages - 1);
    var start = page * PAGE, end = Math.min(view.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var v = start; v < end; v++) frag.appendChild(row(view[v]));
    body.replaceChildren(frag);
    var flagged = P.filter(function (p) { return p.a.length; }).length;
    ui.status.textContent = (view.length ? "Showing " + (start + 1) + "\u2013" + end + " of the " + view.length
      + " pairs that pass the filters" : "No pair passes the filters") + " (" + P.length
      + " in the document; " + flagged + " with a flag the filters let through).";
    ui.pager.replaceChildren();
    if (pages > 1) {
      ui.pager.appendChild(button("\u2190 previous", page - 1, page === 0));
      ui.pager.appendChild(document.createTextNode(" page " + (page + 1) + " of " + pages + " "));
      ui.pager.appendChild(button("next \u2192", page + 1, page === pages - 1));
    }
  }

  function refresh() { compute(); page = 0; cur = -1; render(); }

  // Go to the pair at index i of P: if the filters hide it, show everything again.
  function goTo(i) {
    var reset = where[i] === undefined;
    if (reset) {
      ui.flagged.checked = false; ui.q.value = ""; ui.cat.value = ""; ui.chk.value = "";
      ui.sev.forEach(function (b) { b.checked = true; });
      compute();
    }
    var old = document.querySelector("#pairs tr.target");
    if (old) old.classList.remove("target");
    cur = where[i];
    var want = Math.floor(cur / PAGE);
    if (reset || want !== page) { page = want; render(); }
    var tr = document.getElementById("p" + P[i].i);
    tr.classList.add("target");
    tr.scrollIntoView({block: "center"});
    history.replaceState(null, "", "#p" + P[i].i);
  }

  // The flagged pair after (step 1) or before (step -1) the current one, in view order.
  function step(dir) {
    if (cur < 0) {  // nothing gone to yet: start from the first row on screen
      var rows = body.children, r = 0;
      while (r < rows.length - 1 && rows[r].getBoundingClientRect().bottom <= 0) r++;
      if (!rows.length) return;
      cur = where[at[+rows[r].id.slice(1)]] - (dir > 0 ? 1 : 0);
    }
    for (var v = cur + dir; v >= 0 && v < view.length; v += dir) {
      if (P[view[v]].a.length) { goTo(view[v]); return; }
    }
  }

  ["change", "input"].forEach(function (ev) {
    [ui.flagged, ui.q, ui.sort].concat(ui.sev).forEach(function (el) { el.addEventListener(ev, refresh); });
  });
  [ui.cat, ui.chk].forEach(function (el) {
    el.addEventListener("change", function () { if (el.value) ui.flagged.checked = true; refresh(); });
  });

  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a") : null;
    if (!a) return;
    var href = a.getAttribute("href") || "";
    if (a.hasAttribute("data-cat")) {  // a bar of the category plot: filter to it
      e.preventDefault();
      ui.cat.value = a.getAttribute("data-cat"); ui.chk.value = "";
      var s = +a.getAttribute("data-sev");
      ui.sev.forEach(function (b, k) { b.checked = k === s; });
      ui.flagged.checked = true;
      refresh();
      document.getElementById("controls").scrollIntoView();
    } else if (/^#p\d+$/.test(href) && at[+href.slice(2)] !== undefined) {
      e.preventDefault();
      goTo(at[+href.slice(2)]);
    }
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target.tagName || "").toLowerCase();  // typing is not navigating
    if (tag === "select" || tag === "textarea" || (tag === "input" && e.target.type !== "checkbox")) return;
    if (e.key === "n") { e.preventDefault(); step(1); }
    else if (e.key === "p") { e.preventDefault(); step(-1); }
  });

  function fromHash() {
    var m = /^#p(\d+)$/.exec(location.hash);
    if (m && at[+m[1]] !== undefined) goTo(at[+m[1]]);
  }
  window.addEventListener("hashchange", fromHash);

  compute();
  render();
  fromHash();
})();
