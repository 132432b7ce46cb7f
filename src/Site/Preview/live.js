// Site preview client, served only by `site serve`. After each successful rebuild it reloads the page
// and puts the reader back where they were; while a build fails it shows the errors over the last good page.
(() => {
  "use strict";
  const loaded = __SITE_VERSION__;
  const key = "site-preview-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    restore();
    addEventListener("load", restore, { once: true });
  }

  let overlay = null;
  const events = new EventSource("/__site/events");
  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.version !== loaded) {
      sessionStorage.setItem(key, JSON.stringify([scrollX, scrollY]));
      location.reload();
      return;
    }
    // Lets tools (and the tests) see that the page follows the server.
    document.documentElement.dataset.sitePreview = state.ok ? "live" : "failed";
    show(state.ok ? [] : state.diagnostics);
  });

  // Built with textContent only: every character of a message is shown, none is parsed as HTML.
  function show(diagnostics) {
    overlay?.remove();
    overlay = null;
    if (diagnostics.length === 0) {
      return;
    }
    overlay = document.createElement("section");
    overlay.id = "site-preview-errors";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#ffecec;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;" +
      "border-top:4px solid #e5484d;box-shadow:0 -4px 24px rgba(0,0,0,.4);white-space:pre-wrap;overflow-wrap:anywhere";
    const title = document.createElement("strong");
    title.textContent = "Build failed. This is the last good version of the page; fix the errors and save.";
    const list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding-left:1.25rem";
    for (const text of diagnostics) {
      const item = document.createElement("li");
      item.textContent = text;
      list.append(item);
    }
    overlay.append(title, list);
    document.body.append(overlay);
  }
})();
