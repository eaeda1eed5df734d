// Shared checks: zero axe-core violations (WCAG 2.1 A and AA plus best practices),
// and no console errors on a page.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, "axe-core violations").toEqual([]);
}

/** Collects console errors and failed requests of a page for later assertion. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => errors.push(`request failed: ${req.url()}`));
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`${res.status()}: ${res.url()}`);
  });
  return errors;
}

/** Waits until the page's interactive parts (islands) are live: taken over by the
 * WebAssembly app, or, where they all wait for first use (the header's search field),
 * ready to load it then. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const html = document.documentElement.dataset;
    return html.hydrated === "true" || html.islands === "on-use";
  });
}

/** The portal that signs in through the test identity provider (see the config). */
export const oidcPortal = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3107) + 1}`;

/** The date `days` from today in Germany (the portal's calendar), as a date picker
 * sends it: late in the evening UTC, Germany is already a day further. */
export function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toLocaleDateString("sv-SE", { timeZone: "Europe/Berlin" });
}

/** Opens the language switch and follows the link to the language called `name`. */
export async function chooseLanguage(page: Page, name: string) {
  await page.locator("details.portal-language > summary").click();
  await page.getByRole("link", { name }).click();
}
