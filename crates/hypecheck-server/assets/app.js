// hypecheck web page. Builds every element with DOM APIs and textContent: text from the report or
// the user is never parsed as markup. Strings of the page itself come from messages.<lang>.json.
"use strict";

(function () {
  const QUESTIONS = ["evidence", "approval", "risks", "language"];
  const SEVERITY_RANK = { positive: 0, info: 1, concern: 2, fail: 3 };
  const VERDICT_ICON = { pass: "\u2713", concern: "!", fail: "\u2717", not_applicable: "\u2013" };
  const FORMAT_NAMES = { text: "text", markdown: "Markdown", html: "HTML" };
  const BEGINNER_FINDINGS = 3;
  const MAX_FILE_BYTES = 2 * 1024 * 1024;

  const state = {
    view: "beginner",
    lang: "en",
    catalogs: {},
    report: null,
    text: "",
    request: null,
    marksByFinding: new Map(),
  };

  const $ = (id) => document.getElementById(id);

  // ---- strings -------------------------------------------------------------------------------

  // A message is a string, or an object of plural forms ("one", "other", ...) chosen by the
  // language's plural rules for `vars.n`.
  function t(key, vars) {
    const cat = state.catalogs[state.lang] || {};
    let s = cat[key];
    if (s === undefined) s = (state.catalogs.en || {})[key];
    if (s === undefined) s = key;
    if (typeof s === "object") {
      const form = new Intl.PluralRules(state.lang).select(Number(vars && vars.n));
      s = s[form] !== undefined ? s[form] : s.other;
    }
    if (vars) {
      for (const name of Object.keys(vars)) s = s.split("{" + name + "}").join(String(vars[name]));
    }
    return s;
  }

  async function loadCatalog(lang) {
    if (state.catalogs[lang]) return;
    const res = await fetch("/assets/messages." + lang + ".json");
    if (!res.ok) throw new Error("cannot load the " + lang + " strings");
    state.catalogs[lang] = await res.json();
  }

  function applyStrings() {
    document.documentElement.lang = state.lang;
    document.title = t("title");
    for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  }

  // ---- DOM helpers (text only) ---------------------------------------------------------------

  // el("p", {class: "x", text: "..."}, child, ...): children are nodes or strings (text nodes).
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === "text") e.textContent = String(v);
        else if (k === "class") e.className = v;
        else if (k === "href") {
          const url = safeUrl(v);
          if (url) e.setAttribute("href", url);
        } else if (/^(id|role|tabindex|title|lang|hidden|type|rel|target)$|^aria-|^data-/.test(k)) {
          e.setAttribute(k, String(v));
        }
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  // Only http(s) links from the knowledge base become links.
  function safeUrl(u) {
    try {
      const url = new URL(String(u), window.location.href);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function setStatus(message, isError) {
    const s = $("status");
    s.textContent = message || "";
    s.classList.toggle("error", !!isError);
  }

  // ---- input ---------------------------------------------------------------------------------

  function formatFromName(name) {
    const n = name.toLowerCase();
    if (n.endsWith(".html") || n.endsWith(".htm")) return "html";
    if (n.endsWith(".md") || n.endsWith(".markdown")) return "markdown";
    if (n.endsWith(".txt")) return "text";
    return "";
  }

  async function loadFile(file) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus(t("error_file_too_large", { name: file.name }), true);
      return;
    }
    const text = await file.text();
    $("text").value = text;
    $("format").value = formatFromName(file.name);
    setStatus(t("status_file_loaded", { name: file.name }));
  }

  // An error or an empty submit must not leave an earlier text's result on screen, where it
  // would read as the answer to this one.
  function clearResult() {
    state.report = null;
    state.request = null;
    $("result").hidden = true;
  }

  async function runCheck(request) {
    if (!request.text.trim()) {
      clearResult();
      setStatus(t("error_empty"), true);
      $("text").focus();
      return;
    }
    const button = $("check");
    button.disabled = true;
    $("result").setAttribute("aria-busy", "true");
    setStatus(t("status_checking"));
    try {
      const body = { text: request.text, view: state.view, lang: state.lang };
      if (request.input_format) body.input_format = request.input_format;
      const report = await postJson("/api/v1/check", body);
      let analysed = request.text;
      if (report.input.span_basis !== "input") {
        const extracted = await postJson("/api/v1/extract", body);
        analysed = extracted.text;
      } else if (analysed.charCodeAt(0) === 0xfeff) {
        analysed = analysed.slice(1); // the checker drops a byte-order mark
      }
      state.request = request;
      state.report = report;
      state.text = analysed;
      render();
      setStatus(report.grade.letter ? t("status_done", { grade: report.grade.letter }) : t("status_done_nothing"));
      // Take the reader to the answer (and a screen reader's focus with it).
      const heading = $("result-heading");
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    } catch (err) {
      clearResult();
      setStatus(t("error_prefix") + " " + err.message, true);
    } finally {
      button.disabled = false;
      $("result").removeAttribute("aria-busy");
    }
  }

  async function postJson(url, body) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    let data = null;
    try {
      data = await res.json();
    } catch (_) {
      data = null;
    }
    if (!res.ok) {
      const msg = data && data.error && data.error.message ? data.error.message : res.status + " " + res.statusText;
      throw new Error(msg);
    }
    return data;
  }

  // ---- rendering -----------------------------------------------------------------------------

  function render() {
    const r = state.report;
    if (!r) return;
    $("result").hidden = false;
    document.body.classList.toggle("expert", state.view === "expert");
    renderGrade(r);
    renderCards(r);
    renderCompliance(r);
    renderLegend();
    renderDoc(r);
    renderFindings(r);
    renderCriteria(r);
    renderClaims(r);
    renderAdvice();
    $("disclaimer").textContent = r.disclaimer;
    const basis = $("span-basis");
    basis.textContent = r.input.span_basis === "input" ? "" : t("span_basis_extracted", { format: FORMAT_NAMES[r.input.format] || r.input.format });
  }

  function verdictBadge(verdict) {
    return el(
      "span",
      { class: "verdict verdict-" + verdict },
      el("span", { class: "icon", "aria-hidden": "true", text: VERDICT_ICON[verdict] || "" }),
      " " + t("verdict_" + verdict)
    );
  }

  function renderGrade(r) {
    const g = r.grade;
    const box = $("grade");
    clear(box);
    if (!g.letter) {
      // Nothing to judge: no letter and no score, which would read as praise.
      box.className = "grade grade-none";
      box.append(
        el(
          "div",
          { class: "grade-text" },
          el("p", { class: "grade-title" }, el("strong", { text: g.label })),
          el("p", { class: "grade-summary", text: g.summary })
        )
      );
      return;
    }
    box.className = "grade grade-" + String(g.letter).toLowerCase();
    box.append(
      el("div", { class: "letter", "aria-hidden": "true", text: g.letter }),
      el(
        "div",
        { class: "grade-text" },
        el("p", { class: "grade-title" }, t("grade_title") + ": ", el("strong", { text: g.letter + " \u2013 " + g.label })),
        el("p", { class: "grade-summary", text: g.summary }),
        el("p", { class: "hint", text: t("grade_score", { score: g.score }) })
      )
    );
  }

  function findingsOf(r, question) {
    return r.findings
      .filter((f) => f.question === question)
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.span.start - b.span.start);
  }

  function renderCards(r) {
    const cards = $("cards");
    clear(cards);
    for (const key of QUESTIONS) {
      const q = r.questions[key];
      const mine = findingsOf(r, key);
      const shown = state.view === "expert" ? mine : mine.slice(0, BEGINNER_FINDINGS);
      const card = el(
        "article",
        { class: "card card-" + q.verdict, "data-question": key, "aria-labelledby": "card-" + key },
        el("h3", { id: "card-" + key }, el("span", { class: "qname", text: t("question_" + key) }), verdictBadge(q.verdict)),
        el("p", { class: "qtitle", text: questionText(q.title) }),
        el("p", { class: "summary", text: q.summary })
      );
      if (state.view === "expert") {
        card.append(
          el("p", { class: "counts", text: [
              t("count_positive", { n: q.positives }),
              t("count_concern", { n: q.concerns }),
              t("count_fail", { n: q.fails }),
            ].join(", ") })
        );
      }
      if (shown.length) {
        const list = el("ul", { class: "why" });
        for (const f of shown) list.append(el("li", null, findingLink(f)));
        card.append(list);
        if (shown.length < mine.length) {
          card.append(el("p", { class: "hint", text: moreText(mine.length - shown.length) }));
        }
      }
      cards.append(card);
    }
  }

  function moreText(count) {
    return t("more_findings", { n: count });
  }

  // "Evidence: controlled studies in humans, ...?" -> the question without its repeated name.
  function questionText(title) {
    const m = /^[^:?]{1,30}:\s*(.+)$/.exec(title);
    return m ? m[1].charAt(0).toUpperCase() + m[1].slice(1) : title;
  }

  // A short finding line whose button brings its highlight into view.
  function findingLink(f) {
    const b = el(
      "button",
      { type: "button", class: "link sev-text-" + f.severity, "data-finding": f.id },
      el("span", { class: "sev-dot sev-" + f.severity, "aria-hidden": "true" }),
      f.message
    );
    b.addEventListener("click", () => focusMark(f.id));
    return b;
  }

  function renderCompliance(r) {
    const box = $("compliance");
    clear(box);
    const c = r.compliance;
    box.className = "compliance" + (c.found ? " found" : "");
    box.append(el("h3", { text: t("compliance_heading") }), el("p", { text: c.summary }));
    if (c.found) {
      const list = el("ul", { class: "why" });
      const mine = r.findings.filter((f) => f.question === "compliance");
      const shown = state.view === "expert" ? mine : mine.slice(0, BEGINNER_FINDINGS);
      for (const f of shown) list.append(el("li", null, findingLink(f)));
      box.append(list);
      if (shown.length < mine.length) {
        box.append(el("p", { class: "hint", text: moreText(mine.length - shown.length) }));
      }
    }
  }

  function renderLegend() {
    const legend = $("legend");
    clear(legend);
    for (const sev of ["fail", "concern", "info", "positive"]) {
      legend.append(el("li", null, el("mark", { class: "hl sev-" + sev, text: t("severity_" + sev) })));
    }
  }

  // The analysed text split at every span boundary; each piece covered by findings becomes a
  // focusable <mark>. Spans are UTF-8 byte offsets, so the text is cut as bytes and decoded.
  function renderDoc(r) {
    const doc = $("doc");
    clear(doc);
    state.marksByFinding = new Map();
    const bytes = new TextEncoder().encode(state.text);
    const decoder = new TextDecoder();
    const n = bytes.length;
    const spans = r.findings
      .map((f) => ({ f, start: Math.max(0, Math.min(n, f.span.start)), end: Math.max(0, Math.min(n, f.span.end)) }))
      .filter((s) => s.end > s.start);
    const cuts = new Set([0, n]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    // Sweep: spans sorted by start; the active set changes only at cut points.
    spans.sort((a, b) => a.start - b.start);
    let next = 0;
    let active = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      active = active.filter((s) => s.end > a);
      while (next < spans.length && spans[next].start <= a) {
        if (spans[next].end > a) active.push(spans[next]);
        next++;
      }
      const piece = decoder.decode(bytes.subarray(a, b));
      if (!active.length) {
        frag.append(document.createTextNode(piece));
        continue;
      }
      const covering = active.map((s) => s.f);
      covering.sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity]);
      const top = covering[0].severity;
      const mark = el("mark", {
        class: "hl sev-" + top + (covering.length > 1 ? " multi" : ""),
        tabindex: "0",
        "data-findings": covering.map((f) => f.id).join(" "),
      });
      mark.textContent = piece;
      mark._findings = covering;
      for (const f of covering) if (!state.marksByFinding.has(f.id)) state.marksByFinding.set(f.id, mark);
      frag.append(mark);
    }
    doc.append(frag);
  }

  function sourceList(sources, expert) {
    const list = el("ul", { class: "sources" });
    for (const s of sources) {
      const item = el("li");
      if (expert) {
        item.append(
          el("span", { class: "statement", text: s.statement }),
          " ",
          el("span", { class: "meta", text: "(" + t("as_of") + " " + s.as_of + ", " + t("verification_" + s.verification) + ")" })
        );
      }
      for (const c of s.citations) {
        const label = c.title + (c.publisher ? " \u2013 " + c.publisher : "") + (c.date ? ", " + c.date : "");
        // Only an original is a link; a source whose original was not found is named, unlinked.
        const link = c.url && safeUrl(c.url)
          ? el("a", { href: c.url, rel: "noopener noreferrer", target: "_blank", text: label })
          : el("span", { text: label + (expert ? " (" + t("no_original") + ")" : "") });
        const citation = el("div", { class: "citation" }, link);
        // The copy a fact was read in is provenance, for the expert view only, never the citation.
        if (expert && c.checked_in && safeUrl(c.checked_in)) {
          citation.append(
            " \u2013 " + t("read_in_copy") + ": ",
            el("a", { href: c.checked_in, rel: "noopener noreferrer nofollow", target: "_blank", text: c.checked_in })
          );
        }
        item.append(citation);
      }
      if (!s.citations.length && !expert) item.append(el("span", { text: s.statement }));
      list.append(item);
    }
    return list;
  }

  function findingDetail(f, expert, forTip) {
    const head = el(
      "p",
      { class: "fhead" },
      el("span", { class: "sev-label sev-" + f.severity, text: t("severity_" + f.severity) }),
      " ",
      el("span", { class: "fq", text: t("question_" + f.question) }),
      expert ? el("code", { class: "code", text: " " + f.code + " " + f.name }) : null
    );
    const box = el("div", { class: "finding" + (forTip ? " in-tip" : "") }, head, el("p", { class: "message", text: f.message }));
    if (expert) {
      if (!forTip) box.append(el("blockquote", { class: "excerpt", text: f.excerpt }));
      if (f.cues.length) {
        box.append(el("p", { class: "meta", text: t("cues") + ": " + f.cues.map((c) => c.kind + " \u201c" + c.text + "\u201d").join(", ") }));
      }
      if (f.context.length) {
        box.append(el("p", { class: "meta", text: t("context") + ": " + f.context.map((c) => t("context_" + c)).join(", ") }));
      }
      box.append(el("p", { class: "meta", text: t("position", { line: f.span.line, column: f.span.column }) }));
    }
    if (f.sources.length && expert && !forTip) {
      // The expert list folds each finding's full sources: open one to read it.
      box.append(
        el(
          "details",
          { class: "fold sources-fold" },
          el("summary", { class: "src-head", text: t("sources") + " (" + f.sources.length + ")" }),
          sourceList(f.sources, expert)
        )
      );
    } else if (f.sources.length) {
      box.append(el("p", { class: "src-head", text: t("sources") }), sourceList(f.sources, expert));
    }
    return box;
  }

  function renderFindings(r) {
    const box = $("findings");
    clear(box);
    const expert = state.view === "expert";
    if (!r.findings.length) {
      box.append(el("p", { text: t("no_findings") }));
      return;
    }
    const list = el("ol", { class: "findings" });
    const ordered = r.findings.slice().sort((a, b) => a.span.start - b.span.start);
    for (const f of ordered) {
      const item = el("li", { id: "finding-" + f.id, tabindex: "-1", class: "sev-border-" + f.severity });
      item.append(findingDetail(f, expert, false));
      if (!expert) item.insertBefore(el("blockquote", { class: "excerpt", text: f.excerpt }), item.firstChild);
      const show = el("button", { type: "button", class: "link small", text: t("show_in_text") });
      show.addEventListener("click", () => focusMark(f.id));
      item.append(show);
      list.append(item);
    }
    if (expert) {
      // Every finding with its cues, context and sources runs to thousands of pixels: it folds.
      box.append(
        el("details", { class: "fold", id: "findings-fold" }, el("summary", { text: t("all_findings", { n: r.findings.length }) }), list)
      );
    } else {
      box.append(list);
    }
  }

  // The ten HealthNewsReview criteria: verdict, how sure, who answered (model or rules), why.
  function renderCriteria(r) {
    const box = $("criteria");
    clear(box);
    if (state.view !== "expert" || !r.criteria) return;
    // Long sections fold: the expert page stays short enough to scan, and opens on demand.
    const fold = el("details", { class: "fold", id: "criteria-fold" }, el("summary", null, el("h3", { text: t("criteria_heading") })));
    box.append(fold);
    const table = el("table", { class: "criteria" });
    table.append(
      el(
        "tr",
        null,
        el("th", { scope: "col", text: t("criteria_criterion") }),
        el("th", { scope: "col", text: t("criteria_verdict") }),
        el("th", { scope: "col", text: t("criteria_reason") })
      )
    );
    for (const key of Object.keys(r.criteria)) {
      const c = r.criteria[key];
      const verdict = t("criterion_" + c.verdict) + " \u00b7 " + Math.round(c.confidence * 100) + "% \u00b7 " + t("method_" + c.method);
      table.append(
        el(
          "tr",
          { class: "criterion-" + c.verdict },
          el("th", { scope: "row", text: t("criterion_name_" + key) }),
          el("td", { text: verdict }),
          el("td", { text: c.reasons.join(" ") })
        )
      );
    }
    fold.append(el("div", { class: "table-scroll" }, table));
  }

  function renderClaims(r) {
    const box = $("claims");
    clear(box);
    if (state.view !== "expert" || !r.claims.length) return;
    const fold = el(
      "details",
      { class: "fold", id: "claims-fold" },
      el("summary", null, el("h3", { text: t("claims_heading") + " (" + r.claims.length + ")" }))
    );
    box.append(fold);
    const list = el("ul", { class: "claims" });
    for (const c of r.claims) {
      const flags = [t("strength_" + c.strength)];
      if (c.hedged) flags.push(t("claim_hedged"));
      if (!c.asserted) flags.push(t("claim_not_asserted"));
      list.append(
        el(
          "li",
          null,
          el("blockquote", { class: "excerpt", text: c.excerpt }),
          el("p", { class: "meta", text: c.kinds.map((k) => t("claim_kind_" + k)).join(", ") + " \u00b7 " + flags.join(" \u00b7 ") + (c.interventions.length ? " \u00b7 " + c.interventions.map((id) => interventionName(r, id)).join(", ") : "") })
        )
      );
    }
    fold.append(list);
  }

  // A knowledge-base entry by its name in the report's language, not its id.
  function interventionName(r, id) {
    const entry = (r.interventions || []).find((i) => i.id === id);
    return entry && entry.name ? entry.name : id;
  }

  function renderAdvice() {
    const box = $("advice");
    clear(box);
    box.append(el("h3", { text: t("advice_heading") }));
    const list = el("ul", { class: "advice" });
    for (const k of ["advice_approval", "advice_evidence", "advice_risks", "advice_doctor"]) list.append(el("li", { text: t(k) }));
    box.append(list);
  }

  // ---- highlights: tooltip and navigation ----------------------------------------------------

  let hideTimer = null;
  let tipOwner = null;

  function showTip(mark) {
    clearTimeout(hideTimer);
    const tip = $("tip");
    clear(tip);
    const expert = state.view === "expert";
    for (const f of mark._findings || []) tip.append(findingDetail(f, expert, true));
    tip.hidden = false;
    if (tipOwner && tipOwner !== mark) tipOwner.removeAttribute("aria-describedby");
    mark.setAttribute("aria-describedby", "tip");
    tipOwner = mark;
    const rect = mark.getBoundingClientRect();
    const width = Math.min(420, document.documentElement.clientWidth - 16);
    tip.style.width = width + "px";
    let left = rect.left + window.scrollX;
    left = Math.max(8 + window.scrollX, Math.min(left, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function hideTip(delay) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      $("tip").hidden = true;
      if (tipOwner) tipOwner.removeAttribute("aria-describedby");
      tipOwner = null;
    }, delay || 0);
  }

  function focusMark(id) {
    const mark = state.marksByFinding.get(id);
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    showTip(mark);
  }

  function focusFinding(mark) {
    const f = (mark._findings || [])[0];
    if (!f) return;
    const item = $("finding-" + f.id);
    if (item) {
      hideTip(0);
      const fold = item.closest("details");
      if (fold) fold.open = true;
      item.scrollIntoView({ block: "center" });
      item.focus({ preventScroll: true });
    }
  }

  function wireHighlights() {
    const doc = $("doc");
    const tip = $("tip");
    doc.addEventListener("mouseover", (e) => {
      const m = e.target.closest("mark.hl");
      if (m) showTip(m);
    });
    doc.addEventListener("mouseout", (e) => {
      if (e.target.closest("mark.hl")) hideTip(250);
    });
    doc.addEventListener("focusin", (e) => {
      if (e.target.matches("mark.hl")) showTip(e.target);
    });
    doc.addEventListener("focusout", (e) => {
      if (!tip.contains(e.relatedTarget)) hideTip(250);
    });
    doc.addEventListener("keydown", (e) => {
      const m = e.target.closest("mark.hl");
      if (!m) return;
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        focusFinding(m);
      }
    });
    tip.addEventListener("mouseover", () => clearTimeout(hideTimer));
    tip.addEventListener("mouseout", () => hideTip(250));
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !tip.hidden) hideTip(0);
    });
  }

  // ---- toggles -------------------------------------------------------------------------------

  function remember(key, value) {
    try {
      window.localStorage.setItem("hypecheck." + key, value);
    } catch (_) {
      /* storage may be disabled */
    }
  }

  function recall(key) {
    try {
      return window.localStorage.getItem("hypecheck." + key);
    } catch (_) {
      return null;
    }
  }

  function setView(view) {
    state.view = view;
    $("view-beginner").setAttribute("aria-pressed", String(view === "beginner"));
    $("view-expert").setAttribute("aria-pressed", String(view === "expert"));
    remember("view", view);
    render();
  }

  async function setLang(lang) {
    try {
      await loadCatalog(lang);
    } catch (err) {
      setStatus(err.message, true);
      return;
    }
    state.lang = lang;
    $("lang-en").setAttribute("aria-pressed", String(lang === "en"));
    $("lang-de").setAttribute("aria-pressed", String(lang === "de"));
    remember("lang", lang);
    applyStrings();
    if (state.request) await runCheck(state.request); // the report's own words change language too
  }

  // ---- start ---------------------------------------------------------------------------------

  async function start() {
    const savedLang = recall("lang");
    const lang = savedLang === "de" || savedLang === "en" ? savedLang : (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";
    const savedView = recall("view");
    state.view = savedView === "expert" ? "expert" : "beginner";
    $("view-beginner").setAttribute("aria-pressed", String(state.view === "beginner"));
    $("view-expert").setAttribute("aria-pressed", String(state.view === "expert"));
    try {
      await loadCatalog("en");
      await setLang(lang);
    } catch (err) {
      setStatus(err.message, true);
    }

    $("check-form").addEventListener("submit", (e) => {
      e.preventDefault();
      runCheck({ text: $("text").value, input_format: $("format").value || null });
    });
    $("file").addEventListener("change", (e) => loadFile(e.target.files[0]));
    // A file dropped anywhere on the page is loaded (instead of the browser opening it).
    const area = $("text");
    document.addEventListener("dragover", (e) => {
      e.preventDefault();
      area.classList.add("dragging");
    });
    document.addEventListener("dragleave", (e) => {
      if (!e.relatedTarget) area.classList.remove("dragging");
    });
    document.addEventListener("drop", (e) => {
      area.classList.remove("dragging");
      if (e.dataTransfer && e.dataTransfer.files.length) {
        e.preventDefault();
        loadFile(e.dataTransfer.files[0]);
      } else if (e.target !== area) {
        e.preventDefault();
      }
    });
    $("view-beginner").addEventListener("click", () => setView("beginner"));
    $("view-expert").addEventListener("click", () => setView("expert"));
    $("lang-en").addEventListener("click", () => setLang("en"));
    $("lang-de").addEventListener("click", () => setLang("de"));
    wireHighlights();
    document.body.classList.add("ready");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
