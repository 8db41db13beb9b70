/// The site's one script file, `site.js`: this part (theme toggle, phone menu, math, copy
/// buttons, ←/→ between pages, the language switch keeping the section) followed by the
/// search (``SearchScript``). Each part is its own closure so they share no variables.
enum SiteScript {
    static var source: String { core + SearchScript.source }

    static let core = #"""
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

  // Copy buttons on code blocks. Line numbers of source pages are not part of the code.
  function codeText(pre) {
    var copy = pre.cloneNode(true);
    copy.querySelectorAll(".ln, .copy-code").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\n$/, "");
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // file:// in some browsers, or plain http: the old way through a selected textarea.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
      document.body.appendChild(area); area.select();
      var ok = document.execCommand("copy"); area.remove();
      ok ? resolve() : reject(new Error("copy refused"));
    });
  }
  function addCopyButtons() {
    var label = root.dataset.copy || "Copy", done = root.dataset.copied || "Copied";
    document.querySelectorAll("main pre").forEach(function (pre) {
      if (!pre.querySelector("code") || pre.querySelector(".copy-code")) return;
      var button = document.createElement("button");
      button.type = "button"; button.className = "copy-code"; button.textContent = label;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", function () {
        copyText(codeText(pre)).then(function () {
          button.textContent = done; button.classList.add("copied");
          setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1500);
        }, function () { /* the code stays selectable by hand */ });
      });
      pre.classList.add("has-copy");
      pre.appendChild(button);
    });
  }

  // ← and → follow the pager's previous/next links, unless the reader is typing or uses a
  // modifier (Alt+← is the browser's own back).
  function onArrowKey(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var link = document.querySelector(e.key === "ArrowLeft" ? ".pager a[rel=prev]" : ".pager a[rel=next]");
    if (link) { e.preventDefault(); window.location.href = link.href; }
  }

  // The language switch opens the same section of the other edition. Anchors differ between
  // editions (they come from the heading text), so the link carries the other edition's
  // anchors in heading order; a section is found by its position among this page's headings.
  function languageTarget(link) {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var base = link.getAttribute("href").split("#")[0];
    if (!hash) return base;
    var mine = (link.dataset.anchors === undefined) ? [] : Array.from(document.querySelectorAll("article [id]"))
      .filter(function (h) { return /^H[1-6]$/.test(h.tagName); }).map(function (h) { return h.id; });
    var theirs = link.dataset.anchors ? link.dataset.anchors.split(" ") : [];
    var at = mine.indexOf(hash);
    var target = at >= 0 && at < theirs.length ? theirs[at] : hash;
    return base + "#" + encodeURIComponent(target);
  }
  function setupLanguageSwitch() {
    var link = document.querySelector(".lang-switch");
    if (!link) return;
    function update() { link.setAttribute("href", languageTarget(link)); }
    update();
    window.addEventListener("hashchange", update);
    link.addEventListener("click", update);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var theme = document.querySelector(".theme-toggle");
    if (theme) theme.addEventListener("click", onThemeClick);
    var menu = document.querySelector(".menu-toggle");
    if (menu) menu.addEventListener("click", function () {
      var open = document.body.classList.toggle("nav-open");
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", onArrowKey);
    setupLanguageSwitch();
    renderMath();
    addCopyButtons();
  });
})();
"""#
}
