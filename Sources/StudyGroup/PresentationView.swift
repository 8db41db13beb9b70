import Foundation

/// A lesson as a slide show for walking the group through it: the site's lesson page with
/// its `<article>` cut at every `<h2>` into screens (the title and introduction first).
/// ←/→, PageUp/PageDown and Space move; Home/End jump; the screen number is kept in the URL
/// hash (`#3`), so a reload stays put; a heading's anchor (`#attention-scores`) opens the
/// screen holding that heading. The sidebar, search and table of contents are hidden.
///
/// The page keeps the site's relative links working with `<base href="/lessons/">`, but a base
/// also applies to `#…` links and to `history.replaceState`, which would then point at
/// `/lessons/#3` (a 404 on reload). So in-page links are rewritten to this page's own
/// address, and the script writes the slide number onto `location.pathname`.
///
/// Served at `/present/<lesson-id>` (English) and `/present/zh-TW/<lesson-id>`.
enum PresentationView {
    /// The page for `lesson` from the built site in `siteFolder`, or nil when there is none.
    static func page(lesson: String, zhTW: Bool, siteFolder: URL) -> String? {
        guard lesson.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !lesson.isEmpty else { return nil }
        let prefix = zhTW ? "zh-TW/lessons/" : "lessons/"
        let file = siteFolder.appendingPathComponent(prefix + lesson + ".html")
        guard var html = try? String(contentsOf: file, encoding: .utf8),
              let head = html.range(of: "<head>"), html.contains("</body>") else { return nil }
        // Relative links in the page were written for its place in the site.
        html.insert(contentsOf: "\n<base href=\"/\(prefix)\">", at: head.upperBound)
        let own = "/present/" + (zhTW ? "zh-TW/" : "") + lesson
        html = html.replacingOccurrences(of: "href=\"#", with: "href=\"\(own)#")
        html = html.replacingOccurrences(of: "</body>", with: "<style>\(style)</style><script>\(script)</script></body>")
        return html
    }

    static let style = """
    body.presenting .topbar,body.presenting .sidebar,body.presenting .toc,body.presenting .pager{display:none!important}
    body.presenting .layout{display:block}body.presenting main.content{max-width:60rem;margin:0 auto;font-size:1.35rem;padding:2rem}
    body.presenting .slide{min-height:80vh}
    #slide-counter{position:fixed;right:1rem;bottom:1rem;font:14px system-ui,sans-serif;color:#777;background:rgba(255,255,255,.8);padding:.2rem .5rem;border-radius:.3rem}
    """

    static let script = """
    (function(){
      var article=document.querySelector("main.content article");if(!article)return;
      var slides=[],current=document.createElement("section");current.className="slide";slides.push(current);
      Array.prototype.slice.call(article.childNodes).forEach(function(node){
        if(node.nodeType===1&&node.tagName==="H2"&&current.childNodes.length){current=document.createElement("section");current.className="slide";slides.push(current);}
        current.appendChild(node);
      });
      slides.forEach(function(s){article.appendChild(s);});
      document.body.classList.add("presenting");
      var counter=document.createElement("div");counter.id="slide-counter";document.body.appendChild(counter);
      var index=0;
      function show(i){index=Math.max(0,Math.min(slides.length-1,i));
        slides.forEach(function(s,k){s.hidden=k!==index;});
        counter.textContent=(index+1)+" / "+slides.length;
        if(location.hash!=="#"+(index+1))history.replaceState(null,"",location.pathname+location.search+"#"+(index+1));window.scrollTo(0,0);}
      function fromHash(){var h=decodeURIComponent((location.hash||"#1").slice(1));
        if(/^[0-9]+$/.test(h)){show(parseInt(h,10)-1);return;}
        var target=document.getElementById(h);if(!target){show(0);return;}
        for(var k=0;k<slides.length;k++){if(slides[k].contains(target)){show(k);return;}}show(0);}
      window.addEventListener("hashchange",fromHash);
      document.addEventListener("keydown",function(e){
        if(e.target&&(e.target.tagName==="INPUT"||e.target.tagName==="TEXTAREA"))return;
        if(e.key==="ArrowRight"||e.key==="PageDown"||e.key===" "){show(index+1);e.preventDefault();}
        else if(e.key==="ArrowLeft"||e.key==="PageUp"){show(index-1);e.preventDefault();}
        else if(e.key==="Home"){show(0);e.preventDefault();}
        else if(e.key==="End"){show(slides.length-1);e.preventDefault();}
      });
      fromHash();
    })();
    """
}
