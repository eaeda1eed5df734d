// The rent index as a tenant uses it: with JavaScript the result follows each answer
// (computed in the browser from the edition); without it the same calculator is a
// plain form, and the increase check takes the flat from it.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration, watchForErrors } from "./helpers";

test("the result follows the answers as they are given", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/mietspiegel");
  await waitForHydration(page);
  await page.getByLabel("Wohnfläche in Quadratmetern").fill("60");
  await page.getByLabel("Baujahr des Hauses").fill("1949");
  await expect(page.getByText("Wir kennen die Lage noch nicht")).toBeVisible();
  await page.getByLabel("Stadtbezirk").selectOption("Altstadt-Lehel");
  await page.getByLabel("Hat die Wohnung einen Balkon, eine Loggia oder Terrasse?").check();
  const mean = page.locator("#rent-mean");
  await expect(mean).toHaveText("15,80\u00a0€ je m² · 948,00\u00a0€");
  await expect(page.locator("#rent-range")).toContainText("13,43\u00a0€ bis 18,17\u00a0€");
  await expect(page.locator("#rent-result tbody tr")).toHaveCount(4);
  // Nothing was submitted: the address is still the empty calculator.
  await expect(page).toHaveURL(/\/mietspiegel$/);
  await page.getByLabel("Hat die Wohnung einen Balkon, eine Loggia oder Terrasse?").uncheck();
  await expect(mean).toHaveText("15,40\u00a0€ je m² · 924,00\u00a0€");
  // The balcony's line is gone: base, location, mean.
  await expect(page.locator("#rent-result tbody tr")).toHaveCount(3);
  // The address is looked up in the street list once the typing rests.
  await expect(page.getByText("beste Lage (nach Stadtbezirk)")).toBeVisible();
  await page.getByLabel("Straße").fill("Leopoldstraße");
  await page.getByLabel("Hausnummer").fill("2");
  await expect(page.getByText("beste Lage (laut Straßenverzeichnis)")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test("a result that came with the page follows a change without asking again", async ({ page }) => {
  const errors = watchForErrors(page);
  const lookups: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("rentindex/locate")) lookups.push(request.url());
  });
  // As a link or a submitted form brings it: the address's location is the page's.
  await page.goto(
    "/mietspiegel?flaeche=60&baujahr=1949&strasse=Leopoldstra%C3%9Fe&hausnummer=2&ausstattung=balcony",
  );
  await waitForHydration(page);
  const mean = page.locator("#rent-mean");
  await expect(mean).toHaveText("15,80\u00a0€ je m² · 948,00\u00a0€");
  await expect(page.getByText("beste Lage (laut Straßenverzeichnis)")).toBeVisible();
  await page.getByLabel("Hat die Wohnung einen Balkon, eine Loggia oder Terrasse?").uncheck();
  await expect(mean).toHaveText("15,40\u00a0€ je m² · 924,00\u00a0€");
  await expect(page.locator("#rent-result tbody tr")).toHaveCount(3);
  await page.getByLabel("Wohnfläche in Quadratmetern").fill("80");
  // The same figure as the server gives for these answers without JavaScript.
  const served = await page.request.get(
    "/mietspiegel?flaeche=80&baujahr=1949&strasse=Leopoldstra%C3%9Fe&hausnummer=2",
  );
  const servedMean = (await served.text()).match(/id="rent-mean"[^>]*>([^<]+)</)?.[1];
  expect(servedMean).toMatch(/€ je m² · /);
  await expect(mean).toHaveText(servedMean ?? "");
  // The street list's answer came with the page: the address was not asked again.
  expect(lookups).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("each feature's explanation reads under its question, as wide", async ({ page }) => {
    await page.goto("/mietspiegel");
    const checks = page.locator(".portal-rent-form .kern-form-check");
    expect(await checks.count()).toBeGreaterThan(3);
    for (const check of await checks.all()) {
      const label = await check.locator(".kern-label").boundingBox();
      const hint = await check.locator(".kern-hint").boundingBox();
      expect(label && hint).toBeTruthy();
      if (!label || !hint) continue;
      expect(Math.abs(hint.x - label.x)).toBeLessThan(2);
      expect(hint.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
      expect(hint.width).toBeGreaterThan(label.width * 0.9);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the calculator and the increase check are plain forms", async ({ page }) => {
    await page.goto("/mietspiegel");
    await page.getByLabel("Wohnfläche in Quadratmetern").fill("40");
    await page.getByLabel("Baujahr des Hauses").fill("1948");
    await page.getByLabel("Straße").fill("Unbekannte Gasse");
    await page.getByLabel("Hausnummer").fill("1");
    await page.getByLabel("Stadtbezirk").selectOption("Maxvorstadt");
    await page.getByRole("button", { name: "Vergleichsmiete berechnen" }).click();
    await expect(page.locator("#rent-mean")).toHaveText("16,80\u00a0€ je m² · 672,00\u00a0€");
    await expect(page.getByText("gute Lage (nach Stadtbezirk)")).toBeVisible();
    await page.getByRole("link", { name: "Eine Mieterhöhung für diese Wohnung prüfen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mieterhöhung prüfen");
    await page.getByLabel("Ihre Miete heute (Euro im Monat)").fill("600");
    await page.getByLabel("Die verlangte neue Miete (Euro im Monat)").fill("690");
    await page.getByLabel("Wann wurde die Miete zuletzt geändert?").fill("2024-01-01");
    await page.getByLabel("Wann haben Sie das Erhöhungsverlangen erhalten?").fill("2025-06-10");
    await page.getByRole("button", { name: "Prüfen" }).click();
    const result = page.locator("#rent-check");
    await expect(result).toContainText("Die Miete soll um 15,0 % steigen.");
    await expect(result).toContainText("innerhalb der Spanne");
    await expect(result).toContainText("Kappungsgrenze eingehalten");
    await expect(result).toContainText("frühestens ab 01.08.2025");
  });
});
