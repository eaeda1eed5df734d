// The service search: typed into the header's search box and sent with Enter, with
// and without JavaScript; the results page and the page for "nothing found" have no
// accessibility violations (axe runs where JavaScript does).
import { expect, test } from "@playwright/test";
import { chooseLanguage, expectNoAxeViolations, waitForHydration } from "./helpers";

test("a citizen finds a service from the header's search box by keyboard", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  const box = page.getByRole("searchbox", { name: "Leistung suchen" });
  await box.focus();
  await page.keyboard.type("Hund anmelden");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/suche\?q=Hund\+anmelden$/);
  await expect(page.getByRole("heading", { level: 1, name: "Leistungen suchen" })).toBeVisible();
  const results = page.getByRole("list", { name: /Leistungen? für „Hund anmelden“/ });
  await expect(results.getByRole("link").first()).toHaveText("Hund anmelden (Hundesteuer)");
  await expect(results.locator("mark").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await results.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/leistungen\/hund-anmelden$/);
});

test("suggestions appear while typing and are reached with the Tab key", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page.getByRole("searchbox", { name: "Leistung suchen" }).focus();
  await page.keyboard.type("Sperr");
  const suggestions = page.locator("#header-search-vorschlaege");
  await expect(suggestions.getByRole("link").first()).toHaveText("Sperrmüll abholen lassen");
  await expect(suggestions).toContainText("Vorschl");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab");
  await expect(suggestions.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/leistungen\/sperrmuell-abholung$/);
});

test("results narrow by department with the keyboard", async ({ page }) => {
  await page.goto("/suche?q=M%C3%BCll");
  const narrow = page.getByRole("navigation", { name: "Ergebnisse eingrenzen" });
  await expectNoAxeViolations(page);
  await narrow.getByRole("link", { name: "Baureferat (1)" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/bereich=baureferat/);
  await expect(narrow.getByRole("link", { name: "Baureferat (1)" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("list", { name: /Leistung für „Müll“/ }).getByRole("link")).toHaveText(["Mangel im öffentlichen Raum melden"]);
  await expectNoAxeViolations(page);
});

test("a misspelt word is searched as the catalogue's word, and the page says so", async ({ page }) => {
  await page.goto("/suche?q=F%C3%BCrungszeugnis+beantragen");
  const meant = page.locator(".portal-search-corrected").getByRole("link", { name: "Führungszeugnis beantragen" });
  await expect(page.locator(".portal-search-corrected")).toContainText("Meinten Sie");
  await expect(meant.locator("strong")).toHaveText("Führungszeugnis");
  await expect(
    page.getByRole("list", { name: /Leistungen? für „Fürungszeugnis beantragen“/ }).getByRole("link").first(),
  ).toHaveText("Führungszeugnis beantragen");
  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/search-corrected.png`, fullPage: true });
  }
  await expectNoAxeViolations(page);
  await meant.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/suche\?q=F%C3%BChrungszeugnis\+beantragen$/);
  await expect(page.locator(".portal-search-corrected")).toHaveCount(0);
});

test("nothing found says what to try, in English too", async ({ page }) => {
  await page.goto("/lang/en?back=/suche%3Fq%3Dastronaut");
  await expect(page.getByRole("heading", { level: 2, name: 'No service found for "astronaut"' })).toBeVisible();
  await expect(page.getByRole("link", { name: "See all services by life situation" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search works as a plain form", async ({ page }) => {
    await page.goto("/leistungen");
    await page.getByRole("searchbox", { name: "Leistung suchen" }).fill("Sperrmüll");
    await page.getByRole("button", { name: "Suchen", exact: true }).first().click();
    await expect(page).toHaveURL(/\/suche\?q=Sperrm%C3%BCll$/);
    await expect(page.getByRole("link", { name: "Sperrmüll abholen lassen" })).toBeVisible();
    // The language switch comes back to the same results.
    await chooseLanguage(page, "English");
    await expect(page).toHaveURL(/\/suche\?q=Sperrm%C3%BCll$/);
    await expect(page.getByRole("heading", { level: 1, name: "Search services" })).toBeVisible();
  });
});
