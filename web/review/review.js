/*
 * review.js: the officer's review page of docscreend. It signs in with an
 * officer token (kept in sessionStorage, sent as a bearer header; no
 * cookies), lists the review queue, shows one document (its page with the
 * report's boxes, flags, MRZ, case record, printed-page reading, barcodes,
 * related cases) and sends decisions through the API.
 *
 * Rules this file keeps: every text that comes from a document, a report
 * or a case is put into the page with textContent or as an attribute value
 * set through the DOM, never through innerHTML; nothing personal goes into
 * a URL (ids only; filters are applied here, not sent); no eval, no inline
 * script (the daemon's Content-Security-Policy forbids both).
 */
"use strict";

(function () {
  const KEY = "docscreen.review.token";
  const REFRESH_MS = 15000;
  const SEV_RANK = { high: 2, warning: 1, info: 0 };

  const state = {
    token: sessionStorage.getItem(KEY) || "",
    queue: [],          // items of /v1/review/queue
    shown: [],          // the queue after filters and sorting
    cursor: 0,          // selected row of the queue
    registry: {},       // flag code -> {severity, source, meaning}
    job: null,          // the document open: {item, report, caseRecord, decisions}
    page: 0,
    flagSel: 0,
    zoom: 1, panX: 0, panY: 0,
    imgUrl: null,
    timer: null,
  };

  const $ = (id) => document.getElementById(id);

  /* el("td", {className: "x"}, "text", child...): an element whose string
   * children become text nodes. */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const k of Object.keys(props)) {
        if (k === "dataset") Object.assign(e.dataset, props[k]);
        else e[k] = props[k];
      }
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === "string" || typeof c === "number"
        ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function show(section) {
    for (const id of ["signin", "queue", "doc"]) $(id).hidden = id !== section;
    $("nav").hidden = section === "signin";
    $("to-queue").hidden = section !== "doc";
    document.body.dataset.view = section;
  }

  function say(msg) { $("status").textContent = msg || ""; }

  function when(unix) {
    if (!unix) return "";
    const d = new Date(unix * 1000);
    const p = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + " " +
      p(d.getHours()) + ":" + p(d.getMinutes());
  }

  /* ------------------------------------------------------------- the API */

  class ApiError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  async function api(method, path, body, as) {
    const h = { Authorization: "Bearer " + state.token };
    const init = { method, headers: h, cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" };
    if (body !== undefined) {
      h["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const r = await fetch(path, init);
    if (r.status === 401) { signOut("Your token is not valid any more; sign in again."); throw new ApiError(401, "unauthorized", "unauthorized"); }
    if (!r.ok) {
      let code = "error", msg = "HTTP " + r.status;
      try { const j = await r.json(); code = j.error.code; msg = j.error.message; } catch (e) { /* not JSON */ }
      throw new ApiError(r.status, code, msg);
    }
    return as === "blob" ? r.blob() : r.json();
  }

  /* ------------------------------------------------------------- sign-in */

  async function signIn(token) {
    state.token = token.trim();
    try {
      const reg = await api("GET", "/v1/flags");
      for (const f of reg.flags) state.registry[f.code] = f;
    } catch (e) {
      state.token = "";
      sessionStorage.removeItem(KEY);
      show("signin");
      $("signin-error").textContent = e.status === 403
        ? "This token may not review documents (it is not an officer's)."
        : e.status === 401 ? "The token is not known." : "Cannot reach the service: " + e.message;
      return;
    }
    sessionStorage.setItem(KEY, state.token);
    $("signin-error").textContent = "";
    $("token").value = "";
    $("who").textContent = "signed in";
    await openQueue();
  }

  function signOut(msg) {
    state.token = "";
    sessionStorage.removeItem(KEY);
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    if (state.imgUrl) URL.revokeObjectURL(state.imgUrl);
    state.imgUrl = null;
    state.job = null;
    state.queue = [];
    clear($("queue-rows"));
    show("signin");
    $("signin-error").textContent = msg || "";
  }

  /* ----------------------------------------------------------- the queue */

  async function loadQueue() {
    const all = $("f-all").checked ? "?all=1" : "";
    const q = await api("GET", "/v1/review/queue" + all);
    state.queue = q.items;
    $("updated").textContent = "updated " + new Date().toLocaleTimeString() +
      (q.truncated ? " (first " + q.limit + " only)" : "");
    fillFilterChoices();
    renderQueue();
  }

  function fillFilterChoices() {
    const keep = (sel, values) => {
      const cur = sel.value;
      while (sel.options.length > 1) sel.remove(1);
      for (const v of [...values].sort()) sel.appendChild(el("option", { value: v }, v));
      sel.value = values.has(cur) ? cur : "";
    };
    keep($("f-station"), new Set(state.queue.map((i) => i.station || "").filter((s) => s)));
    keep($("f-flag"), new Set(state.queue.flatMap((i) => i.flags.map((f) => f.code))));
  }

  function filtered() {
    const c = $("f-case").value.trim().toLowerCase();
    const st = $("f-station").value, fl = $("f-flag").value;
    const from = $("f-from").value, to = $("f-to").value;
    return state.queue.filter((i) => {
      if (c && !i.case_id.toLowerCase().includes(c)) return false;
      if (st && i.station !== st) return false;
      if (fl && !i.flags.some((f) => f.code === fl)) return false;
      const day = when(i.completed_at).slice(0, 10);
      if (from && day < from) return false;
      if (to && day > to) return false;
      return true;
    }).sort((a, b) => (SEV_RANK[b.severity] - SEV_RANK[a.severity]) ||
      (a.completed_at - b.completed_at) || (a.job_id - b.job_id));
  }

  function renderQueue() {
    state.shown = filtered();
    const rows = $("queue-rows");
    clear(rows);
    const bySev = { high: 0, warning: 0, info: 0 };
    let open = 0;
    state.shown.forEach((i, n) => {
      bySev[i.severity]++;
      open += i.flag_count - i.decided_count;
      const flags = el("td", { className: "codes" });
      for (const f of i.flags) flags.appendChild(el("span", { className: "code sev-" + f.severity, title: f.severity }, f.code));
      const tr = el("tr", { className: "row sev-" + i.severity, dataset: { job: String(i.job_id), index: String(n) } },
        el("td", null, el("span", { className: "badge sev-" + i.severity }, i.severity)),
        el("td", null, String(i.job_id)),
        el("td", { className: "case" }, i.case_id),
        el("td", null, i.station || ""),
        el("td", { className: "file" }, i.filename || ""),
        flags,
        el("td", null, i.decided_count + " / " + i.flag_count),
        el("td", null, when(i.completed_at)));
      tr.addEventListener("click", () => { state.cursor = n; openDoc(i); });
      rows.appendChild(tr);
    });
    if (state.cursor >= state.shown.length) state.cursor = Math.max(0, state.shown.length - 1);
    markCursor();
    $("queue-empty").hidden = state.shown.length > 0;
    $("counts").textContent = state.shown.length + " document(s): " + bySev.high + " high, " +
      bySev.warning + " warning, " + bySev.info + " info; " + open + " flag(s) undecided";
  }

  function markCursor() {
    const rows = $("queue-rows").children;
    for (let k = 0; k < rows.length; k++) rows[k].classList.toggle("cursor", k === state.cursor);
    if (rows[state.cursor]) rows[state.cursor].scrollIntoView({ block: "nearest" });
  }

  async function openQueue() {
    show("queue");
    say("");
    try { await loadQueue(); } catch (e) { if (e.status !== 401) say("The queue could not be read: " + e.message); }
    if (!state.timer) {
      state.timer = setInterval(() => {
        if (document.body.dataset.view === "queue" && state.token) loadQueue().catch(() => {});
      }, REFRESH_MS);
    }
  }

  /* -------------------------------------------------------- the document */

  async function openDoc(item) {
    say("");
    show("doc");
    state.job = { item, report: null, caseRecord: null, decisions: null };
    state.flagSel = 0;
    state.page = 0;
    for (const id of ["flag-list", "doc-decisions", "field-rows", "mrz-lines", "barcodes", "image-facts", "related", "boxes"]) clear($(id));
    for (const id of ["flag-progress", "case-msg", "mrz-msg", "decide-msg", "doc-verdict", "viewer-msg"]) $(id).textContent = "";
    $("page-img").removeAttribute("src");
    $("doc-title").textContent = "Job " + item.job_id + " \u2014 case " + item.case_id;
    $("doc-sub").textContent = (item.filename || "") + (item.station ? " \u00b7 station " + item.station : "") +
      " \u00b7 screened " + when(item.completed_at);
    const job = state.job;
    try {
      const rep = await api("GET", "/v1/jobs/" + item.job_id + "/report");
      state.job.report = rep;
      try { state.job.caseRecord = await api("GET", "/v1/cases/" + encodeURIComponent(item.case_id)); }
      catch (e) { if (e.status !== 404) throw e; }
      state.job.decisions = await api("GET", "/v1/jobs/" + item.job_id + "/decisions");
    } catch (e) {
      if (e.status !== 401) say("The document could not be read: " + e.message);
      return;
    }
    if (state.job !== job) return; /* another document was opened meanwhile */
    renderDoc();
    await loadPage(0);
  }

  function renderDoc() {
    const rep = state.job.report;
    const v = $("doc-verdict");
    v.textContent = rep.verdict;
    v.className = "badge verdict-" + rep.verdict;
    const sel = $("page-select");
    clear(sel);
    const npages = Math.max(1, rep.pages || 1);
    for (let p = 0; p < npages; p++) sel.appendChild(el("option", { value: String(p) }, String(p + 1) + " of " + npages));
    renderFlags();
    renderFields();
    renderMrz();
    renderBarcodes();
    renderImageFacts();
    renderRelated();
  }

  function latestDecisions() {
    const last = {};
    for (const d of (state.job.decisions ? state.job.decisions.flags : [])) last[d.flag] = d;
    const esc = {};
    for (const d of (state.job.decisions ? state.job.decisions.document : [])) {
      if (d.flag !== null && d.decision === "escalated") esc[d.flag] = d;
    }
    return { last, esc };
  }

  function where(f) {
    const parts = ["page " + (f.page + 1)];
    if (f.field) parts.push("field " + f.field);
    parts.push("from the " + ({ mrz: "MRZ", viz: "printed page", barcode: "barcode or seal", case: "case record comparison", image: "image analysis", store: "earlier submissions" }[f.source] || f.source));
    return parts.join(", ");
  }

  function renderFlags() {
    const list = $("flag-list");
    clear(list);
    const flags = state.job.report.flags || [];
    const { last, esc } = latestDecisions();
    let decided = 0;
    flags.forEach((f, n) => {
      const reg = state.registry[f.code] || {};
      const d = last[n];
      if (d) decided++;
      const status = d ? (d.decision === "accepted" ? "accepted: the finding stands" : "rejected: a false alarm") +
        " by " + d.officer + " " + when(d.decided_at) : esc[n] ? "escalated by " + esc[n].officer : "undecided";
      const li = el("li", { className: "flag sev-" + f.severity + (d ? " decided" : ""), dataset: { flag: String(n), code: f.code } },
        el("div", { className: "flag-head" },
          el("span", { className: "badge sev-" + f.severity }, f.severity),
          el("strong", { className: "flag-code" }, f.code),
          el("span", { className: "flag-status" + (d ? " is-" + d.decision : "") }, status)),
        el("p", { className: "flag-msg" }, f.message || ""),
        (f.expected || f.found) ? el("p", { className: "flag-ef" },
          el("span", { className: "lbl" }, "Expected "), el("span", { className: "val" }, f.expected || "\u2014"),
          el("span", { className: "lbl" }, " \u00b7 found "), el("span", { className: "val found" }, f.found || "\u2014")) : null,
        el("p", { className: "flag-where muted" }, "Where: " + where(f)),
        reg.meaning ? el("p", { className: "flag-why" }, el("span", { className: "lbl" }, "Why it matters: "), reg.meaning) : null,
        d && d.note ? el("p", { className: "flag-note" }, el("span", { className: "lbl" }, "Note: "), d.note) : null);
      li.addEventListener("click", () => { selectFlag(n); });
      list.appendChild(li);
    });
    $("flag-progress").textContent = decided + " of " + flags.length + " decided";
    const hist = $("doc-decisions");
    clear(hist);
    for (const d of (state.job.decisions ? state.job.decisions.document : [])) {
      if (d.flag !== null) continue;
      hist.appendChild(el("li", null, "Document " + d.decision + " by " + d.officer + " " + when(d.decided_at)));
    }
    selectFlag(Math.min(state.flagSel, Math.max(0, flags.length - 1)));
  }

  function selectFlag(n) {
    state.flagSel = n;
    const items = $("flag-list").children;
    for (let k = 0; k < items.length; k++) items[k].classList.toggle("selected", k === n);
    if (items[n]) items[n].scrollIntoView({ block: "nearest" });
    const boxes = $("boxes").children;
    const f = (state.job.report.flags || [])[n];
    for (let k = 0; k < boxes.length; k++) {
      const b = boxes[k];
      b.classList.toggle("focus", !!f && b.dataset.flags !== undefined && b.dataset.flags.split(",").includes(String(n)));
    }
    if (f && f.page !== state.page && f.page >= 0 && f.page < (state.job.report.pages || 1)) loadPage(f.page);
  }

  const FIELD_ROWS = [
    ["surname", "Surname"], ["given_names", "Given names"], ["birth_date", "Birth date"], ["sex", "Sex"],
    ["nationality", "Nationality"], ["document_number", "Document number"], ["issuing_state", "Issuing state"],
    ["expiry_date", "Expiry date"], ["issue_date", "Issue date"], ["application_date", "Application date"],
  ];

  function docOfPage(p) {
    const docs = state.job.report.documents || [];
    return docs.find((d) => d.page === p) || docs[0] || null;
  }

  function vizField(doc, name) {
    const f = doc && doc.viz && doc.viz.fields ? doc.viz.fields : {};
    if (name === "document_number") return f.document_number || f.passport_number || null;
    return f[name] || null;
  }

  function renderFields() {
    const rows = $("field-rows");
    clear(rows);
    const doc = docOfPage(state.page);
    const mrz = doc && doc.mrz ? doc.mrz.fields : {};
    const cr = state.job.caseRecord || {};
    const flagged = new Set((state.job.report.flags || []).filter((f) => f.page === (doc ? doc.page : 0)).map((f) => f.field));
    for (const [k, label] of FIELD_ROWS) {
      const vf = vizField(doc, k);
      const cv = cr[k], mv = mrz ? mrz[k] : undefined;
      if (cv === undefined && mv === undefined && !vf) continue;
      const status = vf ? vf.status || "" : "";
      rows.appendChild(el("tr", { className: (flagged.has(k) ? "flagged " : "") + (status ? "st-" + status : ""), dataset: { field: k } },
        el("th", null, label),
        el("td", null, cv === undefined || cv === null ? "" : String(cv)),
        el("td", { className: "mono" }, mv === undefined || mv === null ? "" : String(mv)),
        el("td", null, vf ? (vf.value || "") : ""),
        el("td", { className: "status" }, status ? status.replace("_", " ") : "")));
    }
    $("case-msg").textContent = state.job.caseRecord ? "" : "No case record was submitted for this case.";
  }

  /* The character ranges (line, from, to inclusive) each MRZ check digit
   * protects, with the digit's own position, by document type. */
  function checkRanges(type) {
    const l2 = { document_number: [[1, 0, 9]], birth_date: [[1, 13, 19]], expiry_date: [[1, 21, 27]] };
    if (type === "TD3") return Object.assign(l2, { optional_data: [[1, 28, 42]], composite: [[1, 43, 43]] });
    if (type === "TD2") return Object.assign(l2, { composite: [[1, 35, 35]] });
    if (type === "MRVA" || type === "MRVB") return l2;
    if (type === "TD1") return { document_number: [[0, 5, 14]], birth_date: [[1, 0, 6]], expiry_date: [[1, 8, 14]], composite: [[1, 29, 29]] };
    return {};
  }

  function renderMrz() {
    const box = $("mrz-lines");
    clear(box);
    const doc = docOfPage(state.page);
    const m = doc ? doc.mrz : null;
    if (!m) { $("mrz-msg").textContent = "No MRZ was read on this page."; return; }
    const bad = new Set();
    const ranges = checkRanges(doc.type);
    for (const [k, ok] of Object.entries(m.checks || {})) {
      if (ok !== false) continue;
      for (const [l, a, b] of ranges[k] || []) for (let i = a; i <= b; i++) bad.add(l + ":" + i);
    }
    const repaired = new Map();
    for (const r of m.repairs || []) repaired.set(r.line + ":" + r.pos, r);
    m.lines.forEach((line, l) => {
      const div = el("div", { className: "mrz-line" });
      [...line].forEach((ch, i) => {
        const k = l + ":" + i;
        const cls = bad.has(k) ? "ch bad" : repaired.has(k) ? "ch repaired" : "ch";
        const span = el("span", { className: cls }, ch);
        if (repaired.has(k)) span.title = "read as " + repaired.get(k).from + ", repaired to " + repaired.get(k).to;
        if (bad.has(k)) span.title = "protected by a check digit that does not match";
        div.appendChild(span);
      });
      box.appendChild(div);
    });
    const failed = Object.entries(m.checks || {}).filter(([, ok]) => ok === false).map(([k]) => k.replace("_", " "));
    $("mrz-msg").textContent = (failed.length ? "Check digits failing: " + failed.join(", ") + " (marked red). " : "All check digits match. ") +
      (m.repairs && m.repairs.length ? m.repairs.length + " character(s) repaired by the reader (underlined). " : "") +
      "Confidence " + m.confidence + ".";
  }

  function renderBarcodes() {
    const box = $("barcodes");
    clear(box);
    const docs = state.job.report.documents || [];
    let n = 0;
    for (const d of docs) {
      for (const b of d.barcodes || []) {
        n++;
        const dl = el("dl", { className: "facts" },
          el("dt", null, "Symbology"), el("dd", null, (b.symbology || "") + " (page " + (d.page + 1) + ")"),
          el("dt", null, b.text !== undefined ? "Text" : "Bytes (hex)"), el("dd", { className: "mono wrap" }, b.text !== undefined ? b.text : (b.hex || "")));
        if (b.parsed) {
          for (const [k, val] of Object.entries(b.parsed)) {
            dl.appendChild(el("dt", null, k));
            dl.appendChild(el("dd", { className: "wrap" }, typeof val === "object" ? JSON.stringify(val) : String(val)));
          }
        }
        box.appendChild(dl);
      }
    }
    if (!n) box.appendChild(el("p", { className: "muted" }, "No barcode or seal was found."));
  }

  function renderImageFacts() {
    const dl = $("image-facts");
    clear(dl);
    const doc = docOfPage(state.page);
    const im = doc && doc.image ? doc.image : {};
    const add = (k, v) => { if (v !== undefined && v !== null && v !== "") { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, String(v))); } };
    add("Type", doc ? doc.type : "");
    add("Size", doc ? doc.width + " \u00d7 " + doc.height + (doc.dpi ? " at " + doc.dpi + " dpi" : "") : "");
    add("Software", im.software);
    add("JPEG quality", im.jpeg_quality);
    add("Editing traces", im.edit_evidence && im.edit_evidence.length ? im.edit_evidence.join("; ") : "none found");
    add("Sharpness", im.sharpness);
    add("Effective dpi", im.effective_dpi);
    add("Glare", im.glare);
  }

  function renderRelated() {
    const ul = $("related");
    clear(ul);
    let n = 0;
    for (const f of state.job.report.flags || []) {
      for (const r of f.related || []) {
        n++;
        ul.appendChild(el("li", null, el("strong", null, f.code), " \u2014 case ", el("span", { className: "case" }, r.case_id),
          ", document " + r.document_id + ", page " + (r.page + 1) + (r.distance !== undefined ? ", " + r.distance + " bit(s) apart" : "")));
      }
    }
    if (!n) ul.appendChild(el("li", { className: "muted" }, "Not seen in another case."));
  }

  /* --------------------------------------------------- page and its boxes */

  async function loadPage(p) {
    state.page = p;
    $("page-select").value = String(p);
    $("viewer-msg").textContent = "Loading the page\u2026";
    clear($("boxes"));
    const img = $("page-img");
    try {
      const job = state.job;
      const blob = await api("GET", "/v1/jobs/" + job.item.job_id + "/pages/" + p + ".png", undefined, "blob");
      if (state.job !== job || state.page !== p) return; /* another page was opened meanwhile */
      if (state.imgUrl) URL.revokeObjectURL(state.imgUrl);
      state.imgUrl = URL.createObjectURL(blob);
      await new Promise((ok, bad) => { img.onload = ok; img.onerror = bad; img.src = state.imgUrl; });
      $("viewer-msg").textContent = "";
    } catch (e) {
      $("viewer-msg").textContent = e.status === 410 ? "The file was purged by the retention policy." : "The page could not be shown.";
      return;
    }
    drawBoxes();
    fit();
    renderFields();
    renderMrz();
    renderImageFacts();
    selectFlag(state.flagSel);
  }

  /* Maps a page box [x, y, w, h] to the upright image the daemon sends:
   * rotation is the clockwise turn that made the page upright. */
  function upright(b, rot, W, H) {
    const [x, y, w, h] = b;
    if (rot === 90) return [H - (y + h), x, h, w];
    if (rot === 180) return [W - (x + w), H - (y + h), w, h];
    if (rot === 270) return [y, W - (x + w), h, w];
    return [x, y, w, h];
  }

  function drawBoxes() {
    const layer = $("boxes");
    clear(layer);
    const img = $("page-img");
    const doc = docOfPage(state.page);
    if (!doc || doc.page !== state.page) return;
    const rot = doc.orientation ? doc.orientation.rotation : 0;
    const sideW = rot % 180 ? doc.height : doc.width;
    const s = sideW ? img.naturalWidth / sideW : 1;
    const flags = state.job.report.flags || [];
    const flagsOf = (pred) => flags.map((f, n) => (f.page === doc.page && pred(f) ? n : -1)).filter((n) => n >= 0);
    const add = (bbox, kind, label, fl, mismatch) => {
      if (!bbox || bbox.length !== 4) return;
      const [x, y, w, h] = upright(bbox, rot, doc.width, doc.height);
      const box = el("div", { className: "box k-" + (fl.length || mismatch ? "flagged" : kind), dataset: { kind, flags: fl.join(",") } },
        el("span", { className: "box-label" }, label));
      box.style.left = x * s + "px";
      box.style.top = y * s + "px";
      box.style.width = w * s + "px";
      box.style.height = h * s + "px";
      layer.appendChild(box);
    };
    if (doc.mrz && doc.mrz.bbox) {
      const fl = flagsOf((f) => f.source === "mrz" && f.severity !== "info");
      add(doc.mrz.bbox, "mrz", fl.length ? "MRZ: " + fl.map((n) => flags[n].code).join(", ") : "MRZ", fl, false);
    }
    const vf = doc.viz && doc.viz.fields ? doc.viz.fields : {};
    for (const [name, f] of Object.entries(vf)) {
      const alias = name === "passport_number" ? "document_number" : name;
      const fl = flagsOf((g) => g.severity !== "info" && g.source !== "mrz" && (g.field === name || g.field === alias));
      add(f.bbox, "field", name + ": " + (f.status || "").replace("_", " ") +
        (fl.length ? " \u2014 " + fl.map((n) => flags[n].code).join(", ") : ""), fl, f.status === "mismatch");
    }
    (doc.barcodes || []).forEach((b) => {
      const fl = flagsOf((g) => g.source === "barcode" && g.severity !== "info");
      add(b.bbox, "barcode", (b.symbology || "barcode") + (fl.length ? ": " + fl.map((n) => flags[n].code).join(", ") : ""), fl, false);
    });
  }

  function applyView() {
    $("stage").style.transform = "translate(" + state.panX + "px," + state.panY + "px) scale(" + state.zoom + ")";
    $("stage").style.setProperty("--inv", String(1 / state.zoom));
  }

  function fit() {
    const v = $("viewer"), img = $("page-img");
    if (!img.naturalWidth) return;
    state.zoom = Math.min(v.clientWidth / img.naturalWidth, v.clientHeight / img.naturalHeight);
    state.panX = (v.clientWidth - img.naturalWidth * state.zoom) / 2;
    state.panY = (v.clientHeight - img.naturalHeight * state.zoom) / 2;
    applyView();
  }

  function zoomBy(f, cx, cy) {
    const v = $("viewer");
    if (cx === undefined) { cx = v.clientWidth / 2; cy = v.clientHeight / 2; }
    const z = Math.min(8, Math.max(0.05, state.zoom * f));
    state.panX = cx - (cx - state.panX) * (z / state.zoom);
    state.panY = cy - (cy - state.panY) * (z / state.zoom);
    state.zoom = z;
    applyView();
  }

  function setupViewer() {
    const v = $("viewer");
    let drag = null;
    v.addEventListener("wheel", (e) => {
      e.preventDefault();
      const r = v.getBoundingClientRect();
      zoomBy(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    v.addEventListener("pointerdown", (e) => { drag = { x: e.clientX, y: e.clientY, px: state.panX, py: state.panY }; v.setPointerCapture(e.pointerId); v.classList.add("dragging"); });
    v.addEventListener("pointermove", (e) => { if (!drag) return; state.panX = drag.px + e.clientX - drag.x; state.panY = drag.py + e.clientY - drag.y; applyView(); });
    const end = () => { drag = null; v.classList.remove("dragging"); };
    v.addEventListener("pointerup", end);
    v.addEventListener("pointercancel", end);
    $("zoom-in").addEventListener("click", () => zoomBy(1.25));
    $("zoom-out").addEventListener("click", () => zoomBy(0.8));
    $("zoom-fit").addEventListener("click", fit);
    $("page-select").addEventListener("change", () => loadPage(Number($("page-select").value)));
    window.addEventListener("resize", () => { if (document.body.dataset.view === "doc") fit(); });
    /* Printing changes the viewer's size: fit the page to it, and back. */
    window.matchMedia("print").addEventListener("change", () => { if (document.body.dataset.view === "doc") fit(); });
    window.addEventListener("beforeprint", () => { if (document.body.dataset.view === "doc") fit(); });
    window.addEventListener("afterprint", () => { if (document.body.dataset.view === "doc") fit(); });
  }

  /* ----------------------------------------------------------- decisions */

  async function decideFlag(decision) {
    const j = state.job;
    if (!j || !j.report || !(j.report.flags || []).length) return;
    const n = state.flagSel, note = $("note").value;
    try {
      if (decision === "escalated") await api("POST", "/v1/jobs/" + j.item.job_id + "/flags/" + n + "/escalation", { note });
      else await api("POST", "/v1/jobs/" + j.item.job_id + "/flags/" + n + "/decision", { decision, note });
      $("decide-msg").textContent = "Flag " + (n + 1) + " " + decision + ".";
      $("note").value = "";
      j.decisions = await api("GET", "/v1/jobs/" + j.item.job_id + "/decisions");
    } catch (e) {
      if (e.status !== 401) $("decide-msg").textContent = "Not recorded: " + e.message;
      return;
    }
    const { last } = latestDecisions();
    const flags = j.report.flags || [];
    let next = n;
    for (let k = 1; k <= flags.length; k++) { const c = (n + k) % flags.length; if (!last[c]) { next = c; break; } }
    renderFlags();
    drawBoxes();
    selectFlag(next);
  }

  async function decideDoc(decision) {
    const j = state.job;
    if (!j || !j.report) return;
    try {
      const r = await api("POST", "/v1/jobs/" + j.item.job_id + "/decision", { decision, note: $("note").value });
      $("decide-msg").textContent = "Document " + decision + (r.flags.length ? "; " + r.flags.length + " flag(s) decided with it." : ".");
      $("note").value = "";
      j.decisions = await api("GET", "/v1/jobs/" + j.item.job_id + "/decisions");
    } catch (e) {
      if (e.status !== 401) $("decide-msg").textContent = "Not recorded: " + e.message;
      return;
    }
    renderFlags();
    drawBoxes();
  }

  async function nextDoc() {
    try { await loadQueue(); } catch (e) { return; }
    const cur = state.job ? state.job.item.job_id : -1;
    const next = state.shown.find((i) => i.job_id !== cur && i.decided_count < i.flag_count) ||
      state.shown.find((i) => i.job_id !== cur);
    if (next) { state.cursor = state.shown.indexOf(next); openDoc(next); } else { openQueue(); say("No other document is waiting."); }
  }

  /* ------------------------------------------------------------ keyboard */

  function onKey(e) {
    const t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) {
      if (e.key === "Escape") t.blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const view = document.body.dataset.view;
    const k = e.key;
    if (view === "queue") {
      if (k === "j" || k === "ArrowDown") { state.cursor = Math.min(state.shown.length - 1, state.cursor + 1); markCursor(); }
      else if (k === "k" || k === "ArrowUp") { state.cursor = Math.max(0, state.cursor - 1); markCursor(); }
      else if (k === "Enter" && state.shown[state.cursor]) openDoc(state.shown[state.cursor]);
      else if (k === "r") loadQueue().catch(() => {});
      else return;
      e.preventDefault();
    } else if (view === "doc") {
      const nf = (state.job && state.job.report && state.job.report.flags || []).length;
      if (k === "j" || k === "ArrowDown") selectFlag(Math.min(nf - 1, state.flagSel + 1));
      else if (k === "k" || k === "ArrowUp") selectFlag(Math.max(0, state.flagSel - 1));
      else if (k === "a") decideFlag("accepted");
      else if (k === "r") decideFlag("rejected");
      else if (k === "e") decideFlag("escalated");
      else if (k === "A") decideDoc("accepted");
      else if (k === "R") decideDoc("rejected");
      else if (k === "E") decideDoc("escalated");
      else if (k === "n") nextDoc();
      else if (k === "q" || k === "Escape") openQueue();
      else if (k === "+" || k === "=") zoomBy(1.25);
      else if (k === "-") zoomBy(0.8);
      else if (k === "0") fit();
      else return;
      e.preventDefault();
    }
  }

  /* --------------------------------------------------------------- start */

  function start() {
    $("signin-form").addEventListener("submit", (e) => { e.preventDefault(); signIn($("token").value); });
    $("sign-out").addEventListener("click", () => signOut("Signed out."));
    $("to-queue").addEventListener("click", () => openQueue());
    $("refresh").addEventListener("click", () => loadQueue().catch(() => {}));
    for (const id of ["f-case", "f-station", "f-flag", "f-from", "f-to"]) {
      $(id).addEventListener("input", renderQueue);
      $(id).addEventListener("change", renderQueue);
    }
    $("f-all").addEventListener("change", () => loadQueue().catch(() => {}));
    $("flag-accept").addEventListener("click", () => decideFlag("accepted"));
    $("flag-reject").addEventListener("click", () => decideFlag("rejected"));
    $("flag-escalate").addEventListener("click", () => decideFlag("escalated"));
    $("doc-accept").addEventListener("click", () => decideDoc("accepted"));
    $("doc-reject").addEventListener("click", () => decideDoc("rejected"));
    $("doc-escalate").addEventListener("click", () => decideDoc("escalated"));
    document.addEventListener("keydown", onKey);
    setupViewer();
    if (state.token) signIn(state.token); else show("signin");
  }

  document.addEventListener("DOMContentLoaded", start);
})();
