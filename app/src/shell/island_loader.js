// Loads the browser app only on a page with interactive parts (Leptos islands, the
// `<leptos-island>` elements the server rendered); a page without any loads no
// WebAssembly at all. Islands inside `[data-hydrate="on-use"]` wait until the person
// moves into one of them; any other island has the app loaded at once. Script,
// module and texts (`texts` names each language's files: its own, then German's
// where it lacks messages) are fetched side by side, every island is taken over, and
// `<html data-hydrated="true">` says the page is live; until then, `data-islands`
// says "loading" or "on-use" (waiting for use).
((script, module, texts) => {
  const html = document.documentElement;
  const islands = [...document.querySelectorAll("leptos-island")].filter(
    // An island inside another one is taken over with it.
    (island) => !island.parentElement?.closest("leptos-island"),
  );
  if (islands.length === 0) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    html.dataset.islands = "loading";
    const compiled = fetch(module);
    const language = texts[html.lang] ? html.lang : "de";
    const written = Promise.all(
      texts[language].map((file) =>
        fetch(file).then((answer) => {
          if (!answer.ok) throw new Error(`${file}: ${answer.status}`);
          return answer.text();
        }),
      ),
    );
    import(script)
      .then(async (app) => {
        await app.default({ module_or_path: compiled });
        const [own, german = ""] = await written;
        app.hydrate(language, own, german);
        for (const island of islands) {
          const takeOver = app[island.dataset.component];
          if (takeOver) await takeOver(island);
          else console.warn(`no browser part for the island ${island.dataset.component}`);
        }
        html.dataset.hydrated = "true";
      })
      .catch((error) => console.error("the page's interactive parts could not start", error));
  };
  const onUse = (island) => island.closest('[data-hydrate="on-use"]');
  if (islands.some((island) => !onUse(island))) {
    start();
    return;
  }
  html.dataset.islands = "on-use";
  for (const wrapper of new Set(islands.map(onUse))) {
    wrapper.addEventListener("focusin", start, { once: true });
    wrapper.addEventListener("pointerdown", start, { once: true });
  }
})
