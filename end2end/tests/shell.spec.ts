// The shell: languages, keyboard use, hydration and the same pages without JavaScript.
import { expect, test } from "@playwright/test";
import { chooseLanguage, expectNoAxeViolations, waitForHydration } from "./helpers";

test("home page in German, English one click away", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verwaltung online erledigen");
  await chooseLanguage(page, "English");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("City services online");
  await expect(page).toHaveURL(/\/$/);
  // The choice is kept on the next page.
  await page.getByRole("link", { name: "Imprint" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Imprint");
  await chooseLanguage(page, "Deutsch");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impressum");
  await expect(page).toHaveURL(/\/impressum$/);
});

test("the skip link is the first stop for keyboard users and moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("a page to read loads no WebAssembly until its search field is used", async ({ page }) => {
  const modules: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) modules.push(request.url());
  });
  await page.goto("/impressum");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impressum");
  expect(modules, "WebAssembly loaded for a page to read").toEqual([]);

  // Typed before the app is live, answered once it is.
  await page.getByRole("searchbox", { name: "Leistung suchen" }).focus();
  await page.keyboard.type("Sperr");
  const suggestions = page.locator("#header-search-vorschlaege");
  await expect(suggestions.getByRole("link").first()).toHaveText("Sperrmüll abholen lassen");
  expect(modules).toHaveLength(1);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the skip link moves focus to the content", async ({ page }) => {
    await page.goto("/toilets");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("home page, navigation and language switch work", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verwaltung online erledigen");
    await page.getByRole("link", { name: "Öffentliche Toiletten finden" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Öffentliche Toiletten finden");
    await chooseLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find public toilets");
  });

});

test("no request leaves the portal's own origin", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(baseURL!) && !req.url().startsWith("data:")) foreign.push(req.url());
  });
  await page.goto("/toilets");
  await waitForHydration(page);
  expect(foreign).toEqual([]);
});

test("demo sign-in: choose a persona, see the name, sign out", async ({ page }) => {
  await page.goto("/toilets");
  await waitForHydration(page);
  await page.getByRole("banner").getByRole("link", { name: "Anmelden", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
  await page.getByRole("button", { name: "Erika Mustermann, Bürgerin" }).click();
  await expect(page).toHaveURL(/\/toilets$/);
  await expect(page.getByRole("banner")).toContainText("Erika Mustermann");
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("banner")).not.toContainText("Erika Mustermann");
  await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden", exact: true })).toBeVisible();
});

test("signed in, every page still has no accessibility violations", async ({ page }) => {
  await page.goto("/anmelden");
  await page.getByRole("button", { name: "Max Beispiel, Sachbearbeitung KVR" }).click();
  await expect(page.getByRole("banner")).toContainText("Max Beispiel");
  await expectNoAxeViolations(page);
});

test("Turkish is one click away; a text without Turkish is German and marked so", async ({ page }) => {
  await page.goto("/");
  await chooseLanguage(page, "Türkçe");
  await expect(page.locator("html")).toHaveAttribute("lang", "tr");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Belediye hizmetleri çevrimiçi");
  await waitForHydration(page);
  // The toilet finder speaks no Turkish yet: its German texts say they are German.
  await page.goto("/toilets");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 }).locator('span[lang="de"]')).toHaveText("Öffentliche Toiletten finden");
  await expect(page.getByRole("navigation", { name: "Ana menü" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a right-to-left page keeps its layout", async ({ page }) => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/", "/leichte-sprache", "/leistungen/bewohnerparkausweis", "/suche?q=Hund"]) {
      await page.goto(path);
      await page.evaluate(() => document.documentElement.setAttribute("dir", "rtl"));
      const layout = await page.evaluate(() => {
        const root = document.documentElement;
        const heading = document.querySelector("h1")!;
        const text = document.createRange();
        text.selectNodeContents(heading);
        return {
          overflow: root.scrollWidth - root.clientWidth,
          textRight: text.getBoundingClientRect().right,
          boxRight: heading.getBoundingClientRect().right,
        };
      });
      expect(layout.overflow, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      expect(layout.boxRight - layout.textRight, `${path}: the heading starts on the right`).toBeLessThan(2);
    }
  }
  // The skip link appears at the start of the line: on the right.
  await page.goto("/");
  await page.evaluate(() => document.documentElement.setAttribute("dir", "rtl"));
  await page.keyboard.press("Tab");
  const skip = await page.getByRole("link", { name: "Zum Inhalt springen" }).boundingBox();
  expect(skip!.x + skip!.width).toBeGreaterThan(1280 - 40);
});

test("the language switch opens and is used with the keyboard alone", async ({ page }) => {
  await page.goto("/impressum");
  await waitForHydration(page);
  const summary = page.locator("details.portal-language > summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("details.portal-language")).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "English" })).toBeFocused();
  await Promise.all([page.waitForURL(/\/impressum$/), page.keyboard.press("Enter")]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Imprint");
});
