// Compiles style/portal.scss (KERN UX components the portal uses + the portal's own
// rules) to target/style/portal.css, which cargo-leptos minifies into the site, and
// copies the KERN fonts the CSS refers to into the site assets. Only pure-JS packages
// from the npm registry are used: nothing is downloaded at build time.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const kern = join(here, "node_modules", "@kern-ux", "native");

const css = compile(join(here, "portal.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "expanded",
  quietDeps: true,
}).css;
const outDir = join(root, "target", "style");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "portal.css"), css);

// Three weights cover body text (400), titles (500) and headings (600).
const fontsOut = join(root, "app", "public", "fonts");
mkdirSync(fontsOut, { recursive: true });
for (const file of ["FiraSans-Regular.woff2", "FiraSans-Medium.woff2", "FiraSans-SemiBold.woff2"]) {
  copyFileSync(join(kern, "dist", "fonts", "fira-sans", file), join(fontsOut, file));
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
