/// The search box's script, part of `site.js` (see ``SiteScript``).
///
/// The tokenizer, spelling fold, prefix and typo rules are the JavaScript twins of
/// ``SearchTokenizer``, ``SearchIndex/matchingTerms(_:prefix:)`` and ``FuzzyMatch`` — a query is
/// split and matched exactly as the Swift tests expect. Results show the words that matched
/// marked (`<mark>`) in the title and excerpt; the marking is built with DOM nodes, never HTML
/// strings, so lesson text cannot inject markup.
enum SearchScript {
    static let source = #"""
(function () {
  "use strict";
  var root = document.documentElement;
  var CJK = /[\u1100-\u11FF\u3040-\u309F\u30A0-\u30FF\u3130-\u318F\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;
  var WORD = /[\p{Alphabetic}\p{Nd}]/u;
  var SUFFIXES = [["isations", "izations"], ["isation", "ization"], ["ising", "izing"], ["isers", "izers"],
    ["iser", "izer"], ["ises", "izes"], ["ised", "ized"], ["ise", "ize"],
    ["ysing", "yzing"], ["yser", "yzer"], ["yses", "yzes"], ["ysed", "yzed"], ["yse", "yze"]];

  function american(word) {
    if (word.length < 6) return word;
    for (var i = 0; i < SUFFIXES.length; i++) {
      var s = SUFFIXES[i][0];
      if (word.endsWith(s)) {
        var stem = word.slice(0, -s.length);
        return stem.length >= 2 && /^[a-z]+$/.test(stem) ? stem + SUFFIXES[i][1] : word;
      }
    }
    return word;
  }
  function americanPrefix(word) {
    for (var i = 0; i < SUFFIXES.length; i++) {
      for (var k = SUFFIXES[i][0].length; k >= 2; k--) {
        if (word.endsWith(SUFFIXES[i][0].slice(0, k)) && word.length - k >= 2) return word.slice(0, -k) + SUFFIXES[i][1].slice(0, k);
      }
    }
    return null;
  }

  // Query terms: words, and CJK bigrams (a lone CJK character is its own term).
  function terms(text) {
    var out = [], word = "", cjk = [];
    function flushWord() { if (word) { out.push(american(word)); word = ""; } }
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

  // Optimal string alignment distance, abandoned once a whole row exceeds `limit`.
  function distance(a, b, limit) {
    a = Array.from(a); b = Array.from(b);
    if (!a.length || !b.length) return Math.max(a.length, b.length);
    var before = [], prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i]; var best = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        cur[j] = d; if (d < best) best = d;
      }
      if (best > limit) return limit + 1;
      before = prev; prev = cur;
    }
    return prev[b.length];
  }
  function fuzzy(index, term) {
    var n = Array.from(term).length, limit = n >= 8 ? 2 : n >= 4 ? 1 : 0;
    if (!limit || CJK.test(term)) return [];
    var found = [];
    for (var t in index.terms) {
      if (Math.abs(Array.from(t).length - n) <= limit && distance(term, t, limit) <= limit) found.push(t);
    }
    return found;
  }

  // The index terms a query word stands for: itself, words it begins, else near misses.
  function matching(index, term, prefix) {
    var found = index.terms[term] ? [term] : [];
    if (prefix && term.length >= 2 && !CJK.test(term)) {
      var starts = [term], alt = americanPrefix(term);
      if (alt) starts.push(alt);
      for (var t in index.terms) {
        if (t !== term && starts.some(function (s) { return t.indexOf(s) === 0; })) found.push(t);
      }
    }
    return found.length ? found : fuzzy(index, term);
  }

  // Returns {results, matched}: documents holding every word, and the index terms that matched.
  function search(index, query) {
    var ts = terms(query), matched = {};
    if (!ts.length) return { results: [], matched: matched };
    var scores = null;
    ts.forEach(function (term, i) {
      var hits = {};
      matching(index, term, i === ts.length - 1).forEach(function (t) {
        matched[t] = true;
        var list = index.terms[t];
        for (var k = 0; k < list.length; k += 2) hits[list[k]] = (hits[list[k]] || 0) + list[k + 1];
      });
      if (scores === null) { scores = hits; return; }
      var next = {};
      for (var d in scores) if (hits[d]) next[d] = scores[d] + hits[d];
      scores = next;
    });
    var results = Object.keys(scores).map(Number)
      .sort(function (a, b) { return scores[b] - scores[a] || a - b; })
      .slice(0, 30).map(function (d) { return index.docs[d]; });
    return { results: results, matched: matched };
  }

  // Appends `text` to `parent`, wrapping the words (and CJK characters) that matched in <mark>.
  function highlight(parent, text, matched) {
    var chars = Array.from(text), marked = new Array(chars.length).fill(false), i = 0;
    while (i < chars.length) {
      var isCJK = CJK.test(chars[i]);
      if (!isCJK && !WORD.test(chars[i])) { i++; continue; }
      var j = i;
      while (j < chars.length && CJK.test(chars[j]) === isCJK && (isCJK || WORD.test(chars[j]))) j++;
      if (isCJK) {
        for (var k = i; k < j; k++) {
          var one = chars[k].normalize("NFKC"), two = k + 1 < j ? one + chars[k + 1].normalize("NFKC") : null;
          if (matched[one]) marked[k] = true;
          if (two && matched[two]) { marked[k] = true; marked[k + 1] = true; }
        }
      } else if (matched[american(chars.slice(i, j).join("").normalize("NFKC").toLowerCase())]) {
        for (k = i; k < j; k++) marked[k] = true;
      }
      i = j;
    }
    var run = "", runMarked = false;
    function flush() {
      if (!run) return;
      if (runMarked) { var m = document.createElement("mark"); m.textContent = run; parent.appendChild(m); }
      else parent.appendChild(document.createTextNode(run));
      run = "";
    }
    chars.forEach(function (c, n) { if (marked[n] !== runMarked) { flush(); runMarked = marked[n]; } run += c; });
    flush();
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
      var found = search(idx, q);
      if (!found.results.length) { box.appendChild(message(input.dataset.empty)); return; }
      var list = document.createElement("ol");
      found.results.forEach(function (r) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = root.dataset.root + r[0];
        var title = document.createElement("strong");
        highlight(title, r[2] && r[2] !== r[1] ? r[1] + " › " + r[2] : r[1], found.matched);
        var p = document.createElement("span");
        highlight(p, r[3], found.matched);
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

  document.addEventListener("DOMContentLoaded", setupSearch);
  window.llmcourseSearchTerms = terms;
  window.llmcourseSearch = search;
})();
"""#
}
