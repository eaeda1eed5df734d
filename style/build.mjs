// Compiles style/portal.scss (KERN UX components the portal uses + the portal's own
// rules) to target/style/portal.css, which cargo-leptos minifies into the site, and
// writes the KERN fonts the CSS refers to into the site assets, cut to the letters the
// portal's languages use. Only packages from the npm registry are used (the subsetter is
// HarfBuzz compiled to WebAssembly): nothing is downloaded at build time.
import { SassString, compile } from "sass";
import subsetFont from "subset-font";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const kern = join(here, "node_modules", "@kern-ux", "native");

// The letters the portal's fonts keep (see below); `font-ranges()` in the stylesheet.
const fontRanges = JSON.parse(readFileSync(join(here, "font-ranges.json"), "utf8"));

const css = compile(join(here, "portal.scss"), {
  loadPaths: [join(here, "node_modules")],
  functions: { "font-ranges()": () => new SassString(fontRanges.join(", "), { quotes: false }) },
  style: "expanded",
  quietDeps: true,
}).css;
const outDir = join(root, "target", "style");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "portal.css"), css);

// Three weights cover body text (400), titles (500) and headings (600). The full fonts
// carry Greek, Cyrillic and Vietnamese as well (130 KB each); a first visit on a slow
// network pays for every byte, so each keeps only the ranges in `fontRanges` (the
// same list is the @font-face's unicode-range: any other letter, in a name a citizen
// types, say, comes from the device's own sans-serif).
const letters = fontRanges
  .map((range) => range.split("-").map((hex) => parseInt(hex.replace("U+", ""), 16)))
  .flatMap(([from, to = from]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
  .join("");
const fontsOut = join(root, "app", "public", "fonts");
mkdirSync(fontsOut, { recursive: true });
for (const file of ["FiraSans-Regular.woff2", "FiraSans-Medium.woff2", "FiraSans-SemiBold.woff2"]) {
  const full = readFileSync(join(kern, "dist", "fonts", "fira-sans", file));
  writeFileSync(join(fontsOut, file), await subsetFont(full, letters, { targetFormat: "woff2" }));
}
// The toilet finder's map: Leaflet (its script, stylesheet and marker images) and the
// module's script that draws the listed toilets, served from the site's /map folder.
const mapOut = join(root, "app", "public", "map");
mkdirSync(join(mapOut, "images"), { recursive: true });
const leaflet = join(here, "node_modules", "leaflet", "dist");
for (const file of ["leaflet.js", "leaflet.css"]) {
  copyFileSync(join(leaflet, file), join(mapOut, file));
}
for (const file of ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"]) {
  copyFileSync(join(leaflet, "images", file), join(mapOut, "images", file));
}
copyFileSync(join(root, "modules", "toilets", "browser", "toilets-map.js"), join(mapOut, "toilets-map.js"));
console.log(`style: ${css.length} bytes of CSS -> target/style/portal.css`);
