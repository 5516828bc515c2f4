// Search from the disk: opened as file://, a browser refuses the fetch of each result's page that
// Sphinx's search makes for its excerpt ("Failed to fetch"). The pages' texts come with the site
// (search-texts.js, by section); a fetch of one of its pages is answered from them, as a page whose
// main part holds the sections, so that the search finds the excerpt as it would on the page itself.
(() => {
  const texts = window.BLACKWORK_TEXTS;
  if (location.protocol !== "file:" || !texts) return;
  const fetchPage = window.fetch.bind(window);
  const root = () => new URL(document.documentElement.dataset.content_root || "./", location.href).href;
  const page = (sections) => {
    const doc = document.implementation.createHTMLDocument("");
    const main = doc.body.appendChild(doc.createElement("div"));
    main.setAttribute("role", "main");
    sections.forEach(([id, text]) => {
      const section = main.appendChild(doc.createElement("section"));
      section.id = id;
      section.textContent = text;
    });
    return `<!DOCTYPE html>${doc.documentElement.outerHTML}`;
  };
  window.fetch = (resource, options) => {
    const url = new URL(typeof resource === "string" ? resource : resource.url, location.href).href;
    const base = root();
    const name = url.startsWith(base) ? url.slice(base.length).replace(/\.html$/, "") : null;
    if (name !== null && Object.hasOwn(texts, name)) {
      return Promise.resolve(new Response(page(texts[name]), { headers: { "Content-Type": "text/html" } }));
    }
    return fetchPage(resource, options);
  };
})();
