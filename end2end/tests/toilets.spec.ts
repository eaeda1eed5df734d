// The toilet finder as a citizen uses it, on the demo installation's sample: without
// JavaScript every filter is a plain form and each toilet has its page; with it, the
// browser's position orders the list and a map beside it shows the same toilets, its
// markers reachable by keyboard. No tile server is asked (the tests set none), and
// nothing is requested from another origin. (axe-core needs scripts: the same pages
// are checked with them in accessibility.spec.ts.)
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration, watchForErrors } from "./helpers";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters, a toilet's page and the report link work as plain pages", async ({ page }) => {
    await page.goto("/toilets");
    await expect(page.locator("#toilet-map")).toBeHidden();
    await expect(page.getByRole("button", { name: "Meinen Standort verwenden" })).toHaveCount(0);
    await page.getByLabel("Stadtbezirk", { exact: true }).selectOption("Sendling");
    await page.getByLabel("Nur vollständig rollstuhlgerecht").check();
    await page.getByLabel("Mit Euroschlüssel").check();
    await page.getByLabel("Nur kostenlose Toiletten").check();
    await page.getByRole("button", { name: "Toiletten anzeigen" }).click();
    await expect(page).toHaveURL(/bezirk=Sendling/);
    await expect(page).toHaveURL(/rollstuhl=ja/);
    const list = page.getByRole("list", { name: "Toiletten nach Stadtbezirk" });
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("link", { name: "Harras" })).toBeVisible();
    await expect(list.getByRole("link", { name: "HP8, Foyer" })).toBeVisible();
    await expect(page.getByLabel("Nur kostenlose Toiletten")).toBeChecked();

    await list.getByRole("link", { name: "Harras" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harras");
    await expect(page.getByText("Rund um die Uhr geöffnet")).toBeVisible();
    await expect(page.getByRole("link", { name: "In meiner Karten-App öffnen" })).toHaveAttribute(
      "href",
      /^geo:48\.117820,11\.536610/,
    );
    await expect(page.getByText("Beispieldaten der Portal-Demo")).toBeVisible();
    const report = page.getByRole("link", { name: "Ein Problem an dieser Toilette melden" });
    await expect(report).toHaveAttribute("href", /^\/leistungen\/mangel-melden\/antrag\?street=Harras/);
  });

  test("open at a chosen time, on a holiday", async ({ page }) => {
    await page.goto("/toilets?bezirk=Altstadt-Lehel");
    await page.getByLabel("Nur geöffnete").check();
    await page.getByLabel("Geöffnet am (Datum und Uhrzeit)").fill("2026-12-25T12:00");
    await page.getByRole("button", { name: "Toiletten anzeigen" }).click();
    await expect(page.getByText("Öffnungszeiten für 25.12.2026 12:00 Uhr.")).toBeVisible();
    const list = page.getByRole("list", { name: "Toiletten nach Stadtbezirk" });
    // The town hall closes on holidays (PH off); the Stachus is open day and night.
    await expect(list.getByRole("link", { name: "Karlsplatz (Stachus), Untergeschoss" })).toBeVisible();
    await expect(list.getByRole("link", { name: "Rathaus, Prunkhof" })).toHaveCount(0);
  });
});

test("the nearest toilets from the browser's position, with a map reachable by keyboard", async ({ browser, baseURL }) => {
  // At the Marienplatz.
  const context = await browser.newContext({
    geolocation: { latitude: 48.1372, longitude: 11.5754 },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "") && !request.url().startsWith("data:")) {
      elsewhere.push(request.url());
    }
  });
  const errors = watchForErrors(page);
  await page.goto("/toilets");
  await waitForHydration(page);
  const use = page.getByRole("button", { name: "Meinen Standort verwenden" });
  await use.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Standort übernommen" })).toBeVisible();
  await page.getByRole("button", { name: "Toiletten anzeigen" }).click();
  await expect(page.getByRole("heading", { name: "Toiletten in Ihrer Nähe, die nächste zuerst" })).toBeVisible();
  const first = page.getByRole("list", { name: "Toiletten in Ihrer Nähe, die nächste zuerst" }).getByRole("listitem").first();
  await expect(first.getByRole("link")).toHaveText("Rathaus, Prunkhof");
  await expect(first).toContainText("m entfernt");

  // The map shows the page's toilets; its markers are buttons in the tab order.
  const map = page.getByRole("region", { name: "Karte der Toiletten dieser Seite" });
  await expect(map).toBeVisible();
  const markers = map.locator(".leaflet-marker-icon");
  await expect(markers).toHaveCount(await page.locator("[data-toilet-lat]").count());
  await markers.first().focus();
  await expect(markers.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(map.locator(".leaflet-popup-content a")).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/toilets-map.png", fullPage: true });
  expect(elsewhere, "requests to other origins").toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("on a phone the list comes first and the map below it", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/toilets?standort=48.137,11.575");
  await waitForHydration(page);
  const list = page.locator("ol.portal-finder-list");
  const map = page.locator("#toilet-map");
  await expect(map).toBeVisible();
  const [listBox, mapBox] = [await list.boundingBox(), await map.boundingBox()];
  expect(listBox && mapBox && mapBox.y > listBox.y).toBeTruthy();
  await expectNoAxeViolations(page);
  await context.close();
});
