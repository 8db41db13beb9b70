/// The site's one script: theme toggle, phone menu, lazy search, math.
///
/// The search tokenizer here is the JavaScript twin of ``SearchTokenizer``: same NFKC +
/// lower-case, same CJK ranges, same bigrams — a query is split exactly as the text was.
enum SiteScript {
    static let source = #"""
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: the reader's choice is remembered; otherwise the system's (prefers-color-scheme).
  function effectiveTheme() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function onThemeClick() {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try { localStorage.setItem("llmcourse-theme", next); } catch (e) { /* private mode: not remembered */ }
  }

  // Search: tokenizer (twin of SearchTokenizer.swift).
  var CJK = /[\u1100-\u11FF\u3040-\u309F\u30A0-\u30FF\u3130-\u318F\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;
  var WORD = /[\p{Alphabetic}\p{Nd}]/u;
  function terms(text) {
    var out = [], word = "", cjk = [];
    function flushWord() { if (word) { out.push(word); word = ""; } }
    function flushCJK() {
      if (cjk.length === 1) out.push(cjk[0]);
      for (var i = 0; i + 1 < cjk.length; i++) out.push(cjk[i] + cjk[i + 1]);
      cjk = [];
    }
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      if (CJK.test(ch)) { flushWord(); cjk.push(ch); }
      else if (WORD.test(ch)) { flushCJK(); word += ch; }
      else { flushWord(); flushCJK(); }
    }
    flushWord(); flushCJK();
    return out;
  }

  function lookup(index, term, prefix) {
    var hits = {};
    function add(list) { for (var i = 0; i < list.length; i += 2) hits[list[i]] = (hits[list[i]] || 0) + list[i + 1]; }
    if (index.terms[term]) add(index.terms[term]);
    if (prefix && term.length >= 2 && !CJK.test(term)) {
      for (var t in index.terms) if (t !== term && t.indexOf(term) === 0) add(index.terms[t]);
    }
    return hits;
  }

  function search(index, query) {
    var ts = terms(query);
    if (!ts.length) return [];
    var scores = null;
    ts.forEach(function (t, i) {
      var hits = lookup(index, t, i === ts.length - 1);
      if (scores === null) { scores = hits; return; }
      var next = {};
      for (var d in scores) if (hits[d]) next[d] = scores[d] + hits[d];
      scores = next;
    });
    return Object.keys(scores).map(Number)
      .sort(function (a, b) { return scores[b] - scores[a] || a - b; })
      .slice(0, 30).map(function (d) { return index.docs[d]; });
  }

  function setupSearch() {
    var input = document.getElementById("search-input");
    var box = document.getElementById("search-results");
    if (!input || !box) return;
    var lang = root.dataset.lang, requested = false;
    function index() { return window.LLMCOURSE_SEARCH && window.LLMCOURSE_SEARCH[lang]; }
    function show() {
      var q = input.value.trim();
      box.textContent = "";
      if (!q) { box.hidden = true; return; }
      box.hidden = false;
      var idx = index();
      if (!idx) { box.appendChild(message(input.dataset.loading)); return; }
      var results = search(idx, q);
      if (!results.length) { box.appendChild(message(input.dataset.empty)); return; }
      var list = document.createElement("ol");
      results.forEach(function (r) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = root.dataset.root + r[0];
        var title = document.createElement("strong");
        title.textContent = r[2] && r[2] !== r[1] ? r[1] + " › " + r[2] : r[1];
        var p = document.createElement("span");
        p.textContent = r[3];
        a.appendChild(title); a.appendChild(p); li.appendChild(a); list.appendChild(li);
      });
      box.appendChild(list);
    }
    function message(text) { var p = document.createElement("p"); p.textContent = text; return p; }
    function load() {
      if (requested || index()) return;
      requested = true;
      var s = document.createElement("script");
      s.src = input.dataset.index;
      s.onload = show;
      s.onerror = function () { requested = false; box.hidden = false; box.textContent = ""; box.appendChild(message(input.dataset.empty)); };
      document.head.appendChild(s);
    }
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load(); show(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; show(); input.blur(); }
      if (e.key === "Enter") { var a = box.querySelector("a"); if (a) window.location.href = a.href; }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; input.focus(); load(); show(); }
  }

  // Math: KaTeX when it was bundled, else the TeX source stays visible as code.
  function renderMath() {
    if (!window.katex) return;
    document.querySelectorAll(".math").forEach(function (el) {
      var tex = el.textContent;
      try {
        window.katex.render(tex, el, { displayMode: el.classList.contains("math-display"), throwOnError: false });
        el.setAttribute("data-tex", tex);
      } catch (e) { /* leave the TeX source */ }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var theme = document.querySelector(".theme-toggle");
    if (theme) theme.addEventListener("click", onThemeClick);
    var menu = document.querySelector(".menu-toggle");
    if (menu) menu.addEventListener("click", function () {
      var open = document.body.classList.toggle("nav-open");
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
    setupSearch();
    renderMath();
  });
  window.llmcourseSearchTerms = terms;
})();
"""#
}
