// What axe-core cannot see: whether controls look like controls (WCAG 1.4.11,
// non-text contrast), whether the caseworker's workspace holds at 200 % zoom, and
// whether the header leaves a phone's first screen to the page.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, inDays } from "./helpers";

/** Signs in with the demo persona `persona` and opens `path`. */
async function signedIn(page: Page, persona: string, path: string) {
  await page.goto(`/anmelden?return_to=${encodeURIComponent(path)}`);
  await page.locator(`button[value="${persona}"]`).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
}

/** The relative luminance of a CSS `rgb(…)` colour (WCAG 2.1). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("every select box of the inbox and the case page has a visible border and arrow", async ({ page }) => {
  await signedIn(page, "caseworker-awm", "/bearbeitung");
  const selects = page.locator("select");
  expect(await selects.count()).toBeGreaterThanOrEqual(4);
  for (const select of await selects.all()) {
    const look = await select.evaluate((el) => {
      const style = getComputedStyle(el);
      const wrapper = el.parentElement!;
      const arrow = getComputedStyle(wrapper, "::after");
      const page = getComputedStyle(document.body);
      return {
        wrapped: wrapper.classList.contains("kern-form-input__select-wrapper"),
        border: parseFloat(style.borderBottomWidth),
        borderColor: style.borderBottomColor,
        background: page.backgroundColor === "rgba(0, 0, 0, 0)" ? "rgb(255, 255, 255)" : page.backgroundColor,
        arrow: arrow.content !== "none" || style.backgroundImage !== "none",
      };
    });
    const name = await select.getAttribute("id");
    expect(look.wrapped, `${name} in KERN's wrapper`).toBe(true);
    expect(look.border, `${name} has a border`).toBeGreaterThan(0);
    expect(contrast(look.borderColor, look.background), `${name}'s border contrast`).toBeGreaterThanOrEqual(3);
    expect(look.arrow, `${name} shows an arrow`).toBe(true);
  }
});
