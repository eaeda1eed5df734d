// Every page, in both languages, has zero axe-core violations.
import { test } from "@playwright/test";
import { expectNoAxeViolations, watchForErrors } from "./helpers";

const pages = ["/", "/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache", "/toilets", "/toilets?district=Sendling&free=1", "/anmelden", "/does-not-exist"];

for (const locale of ["de", "en"]) {
  test.describe(`pages in ${locale}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": locale } });
    for (const path of pages) {
      test(`${path} has no accessibility violations`, async ({ page }) => {
        const errors = watchForErrors(page);
        await page.goto(path);
        await expectNoAxeViolations(page);
        const expected = path === "/does-not-exist"
          ? [`404: ${test.info().project.use.baseURL}/does-not-exist`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"]
          : [];
        test.expect([...errors].sort()).toEqual([...expected].sort());
      });
    }
  });
}
