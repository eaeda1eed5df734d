// Every page, in each language (German, English, Turkish), has zero axe-core violations.
import { test, type Page } from "@playwright/test";
import { expectNoAxeViolations, waitForHydration, watchForErrors } from "./helpers";

// Path and the status the page answers with.
const pages: [string, number][] = [
  ["/", 200],
  ["/impressum", 200],
  ["/datenschutz", 200],
  ["/barrierefreiheit", 200],
  ["/leichte-sprache", 200],
  ["/api", 200],
  ["/leistungen", 200],
  ["/leistungen?lebenslage=haustiere", 200],
  ["/leistungen/bewohnerparkausweis", 200],
  ["/toilets", 200],
  ["/toilets?bezirk=Sendling&kostenlos=1&rollstuhl=ja", 200],
  ["/toilets?standort=48.137,11.575&offen=1&zeitpunkt=2026-12-25T12:00", 200],
  ["/toilets/1", 200],
  ["/mietspiegel", 200],
  ["/mietspiegel?flaeche=60&baujahr=1949&bezirk=Altstadt-Lehel&ausstattung=balcony", 200],
  ["/mietspiegel/mieterhoehung?flaeche=40&baujahr=1948&bezirk=Maxvorstadt&miete=600&neue_miete=700&letzte_aenderung=2025-01-15&zugang=2025-06-10", 200],
  ["/anmelden", 200],
  ["/anmelden?level=high", 200],
  ["/anmelden/fehler?grund=abgelaufen", 400],
  ["/anmelden/fehler?grund=stufe&stufe=substantial&return_to=/leistungen/bewohnerparkausweis/antrag", 400],
  ["/kein-zugang?seite=/bearbeitung", 403],
  ["/does-not-exist", 404],
];

const reasons: Record<number, string> = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found" };

/** What the error watcher sees for a page answered with `status`. */
function expectedErrors(page: Page, status: number): string[] {
  if (status === 200) return [];
  return [
    `${status}: ${page.url()}`,
    `console: Failed to load resource: the server responded with a status of ${status} (${reasons[status]})`,
  ];
}

for (const locale of ["de", "en", "tr"]) {
  test.describe(`pages in ${locale}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": locale } });
    for (const [path, status] of pages) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        const errors = watchForErrors(page);
        await page.goto(path);
        await expectNoAxeViolations(page);
        test.expect([...errors].sort()).toEqual(expectedErrors(page, status).sort());
      });
    }

    test("the account page has no accessibility violations", async ({ page }) => {
      await page.goto("/anmelden?return_to=/konto");
      await page.getByRole("button", { name: /Erika Mustermann/ }).click();
      await test.expect(page).toHaveURL(/\/konto$/);
      await waitForHydration(page);
      const errors = watchForErrors(page);
      await page.reload();
      await waitForHydration(page);
      await expectNoAxeViolations(page);
      test.expect(errors).toEqual([]);
    });
  });
}

// The first step of every demo service, empty and after sending it empty (error
// summary and a message at each field), covers every kind of field the catalogue uses.
const services = [
  "bewohnerparkausweis",
  "fuehrungszeugnis",
  "hund-anmelden",
  "kita-platz-vormerken",
  "mangel-melden",
  "sperrmuell-abholung",
];

for (const locale of ["de", "en", "tr"]) {
  test.describe(`form steps in ${locale}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": locale } });
    for (const slug of services) {
      test(`the first step of ${slug} has no accessibility violations, with and without errors`, async ({ page }) => {
        // The persona with the highest level of assurance may start every service.
        await page.goto(`/anmelden?return_to=/leistungen/${slug}&level=high`);
        await page.locator('button[value="citizen-high"]').click();
        await page.locator(`form[action="/leistungen/${slug}/antrag"] button[type="submit"]`).click();
        await test.expect(page).toHaveURL(/\/antraege\/[^/]+\/[^/#]+$/);
        await expectNoAxeViolations(page);
        await page.locator('button.kern-btn[name="action"][value="continue"]').click();
        await test.expect(page.locator(".kern-alert--danger, [role=alert]").first()).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }
  });
}
