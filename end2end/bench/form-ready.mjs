// Time until a form step is usable, in headless Chromium (the machine's own) with the
// network throttled to Chrome DevTools' "Slow 4G" preset (562.5 ms round trip,
// 180 KB/s down, 84 KB/s up), cold cache and then warm (a second visit of the page).
// Usage: node bench/form-ready.mjs URL COOKIE   (COOKIE as name=value of a signed-in
// session); prints one JSON line per visit: first contentful paint (the step readable
// and, without JavaScript, usable), DOMContentLoaded, hydrated (html[data-hydrated],
// the browser checks as you type), and bytes transferred.
import { chromium } from "playwright-core";

const [url, cookie] = process.argv.slice(2);
if (!url || !cookie) {
  console.error("usage: node bench/form-ready.mjs URL name=value");
  process.exit(2);
}
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180_000,
  uploadThroughput: 84_375,
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
  ],
});
const context = await browser.newContext();
const [name, ...value] = cookie.split("=");
await context.addCookies([{ name, value: value.join("="), url }]);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
let bytes = 0;
cdp.on("Network.loadingFinished", (event) => {
  bytes += event.encodedDataLength;
});

for (const visit of ["cold", "warm"]) {
  bytes = 0;
  const started = Date.now();
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector("html[data-hydrated]", { timeout: 120_000 });
  const hydrated = Date.now() - started;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      fcp: fcp ? Math.round(fcp.startTime) : null,
      dcl: Math.round(nav.domContentLoadedEventEnd),
    };
  });
  if (process.env.BENCH_RESOURCES && visit === "cold") {
    // Where the time goes: each file's start and end after the navigation began.
    const files = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((r) => ({
        file: r.name.replace(location.origin, ""),
        start_ms: Math.round(r.startTime),
        response_start_ms: Math.round(r.responseStart),
        end_ms: Math.round(r.responseEnd),
        bytes: r.transferSize,
      })),
    );
    for (const file of files) console.log(JSON.stringify(file));
  }
  const form = await page.locator("main form").count();
  console.log(
    JSON.stringify({ visit, first_contentful_paint_ms: timing.fcp, dom_content_loaded_ms: timing.dcl, hydrated_ms: hydrated, transferred_bytes: bytes, forms: form }),
  );
}
await browser.close();
