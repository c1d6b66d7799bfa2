/// The page `ask serve` shows at `/`, for people: a question box, the answer with numbered citations, each opening
/// its source lines highlighted in their document, the closest passages when the documents do not answer, and the
/// corpus's disclaimer. One file, no external assets (it works offline), readable on a phone; every text from the
/// server is inserted as text, never as markup.
enum WebPage {
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>ask</title>
    <style>
      body { font: 17px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #1b1b1b; }
      form { display: flex; gap: .5rem; }
      input { flex: 1; font: inherit; padding: .6rem; border: 1px solid #888; border-radius: .4rem; min-width: 0; }
      button { font: inherit; padding: .6rem 1rem; border-radius: .4rem; border: 1px solid #345; background: #245; color: #fff; }
      #answer p { font-size: 1.1rem; }
      .cite { font: inherit; text-align: left; padding: 0 .3rem; border: 0; background: none; color: #245; text-decoration: underline; cursor: pointer; }
      ol { padding-left: 1.4rem; } li { margin: .4rem 0; }
      .source { font-size: .9rem; color: #444; }
      #document { border-left: 3px solid #245; padding-left: .8rem; margin-top: 1rem; font-size: .95rem; }
      #document div { white-space: pre-wrap; } mark { background: #ffe38a; }
      .number { color: #888; display: inline-block; min-width: 3rem; } .note { color: #666; font-size: .9rem; }
    </style>
    </head>
    <body>
    <h1>ask</h1>
    <form id="ask"><input id="q" name="q" placeholder="Ask a question, e.g. how long does a fracture take to heal?" autofocus required maxlength="2000"><button>Ask</button></form>
    <section id="answer" aria-live="polite"></section>
    <section id="document"></section>
    <script>
    const answer = document.getElementById("answer"), view = document.getElementById("document");
    function element(tag, text, cls) { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; }
    function where(p) { return p.file + (p.page ? ", p. " + p.page : "") + ", lines " + p.lines[0] + "–" + p.lines[1]; }
    async function get(path) { const r = await fetch(path); const body = await r.json(); if (!r.ok) throw new Error(body.error || r.statusText); return body; }
    async function open(p) {
      view.replaceChildren(element("p", "Loading…", "note"));
      const from = Math.max(1, p.lines[0] - 5), to = p.lines[1] + 5;
      try {
        const d = await get("/documents?doc=" + encodeURIComponent(p.doc) + "&lines=" + from + "-" + to + (p.page ? "&page=" + p.page : ""));
        view.replaceChildren(element("h2", d.title), element("p", where(p), "source"));
        for (const line of d.lines) {
          const row = element("div"); row.append(element("span", String(line.n), "number"));
          const text = (line.n >= p.lines[0] && line.n <= p.lines[1]) ? element("mark", line.text) : element("span", line.text);
          row.append(text); view.append(row);
        }
        view.scrollIntoView({behavior: "smooth"});
      } catch (e) { view.replaceChildren(element("p", e.message, "note")); }
    }
    function cited(p, label) { const b = element("button", label, "cite"); b.type = "button"; b.onclick = () => open(p); return b; }
    document.getElementById("ask").onsubmit = async (event) => {
      event.preventDefault();
      const q = document.getElementById("q").value;
      answer.replaceChildren(element("p", "Looking…", "note")); view.replaceChildren();
      try {
        const a = await get("/ask?q=" + encodeURIComponent(q));
        answer.replaceChildren();
        if (a.corrected) answer.append(element("p", "Showing results for: " + a.corrected, "note"));
        if (a.abstained) {
          answer.append(element("p", "The documents do not answer this question."));
          if (a.passages.length) answer.append(element("h2", "Closest passages"));
          const list = element("ol");
          for (const p of a.passages.slice(0, 3)) { const li = element("li"); li.append(cited(p, p.title + " — " + where(p)), element("div", p.text, "source")); list.append(li); }
          answer.append(list);
        } else {
          const text = element("p");
          for (const s of a.sentences) { text.append(s.text + " "); for (const n of s.sources) { const src = a.sources.find(x => x.n === n); text.append(cited(src, "[" + n + "]")); } text.append(" "); }
          answer.append(text, element("h2", "Sources"));
          const list = element("ol");
          for (const s of a.sources) { const li = element("li"); li.append(cited(s, s.title + " — " + where(s))); list.append(li); }
          answer.append(list);
        }
        if (a.disclaimer) answer.append(element("p", a.disclaimer, "note"));
      } catch (e) { answer.replaceChildren(element("p", e.message, "note")); }
    };
    </script>
    </body>
    </html>
    """#
}
