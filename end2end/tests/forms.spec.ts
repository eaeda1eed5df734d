// Filing a request in the browser: error and correction, check page, receipt; every
// page of the way without accessibility violations.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, inDays, waitForHydration, watchForErrors } from "./helpers";

test("file a bulky-waste pick-up from the catalogue to the receipt", async ({ page }) => {
  // Seven pages with an accessibility scan each: past 25 s on a busy machine.
  test.slow();
  const errors = watchForErrors(page);
  await page.goto("/anmelden?return_to=/leistungen");
  await page.getByRole("button", { name: /Jonas Neumann/ }).click();
  await page.getByRole("link", { name: "Sperrmüll abholen lassen" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Antrag starten" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Was soll abgeholt werden?");
  await page.getByRole("button", { name: "Weiter" }).click();
  await expect(page.getByRole("heading", { name: "Bitte korrigieren Sie Ihre Angaben" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The summary links to the field; correct it and go on.
  await page.getByRole("link", { name: /Art der Gegenstände/ }).click();
  await page.getByLabel("Möbel").check();
  await page.getByLabel("Beschreibung").fill("1 Schrank, 2 Stühle");
  await page.getByLabel("Menge in Kubikmetern").fill("2");
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abholung");
  await page.getByLabel("Straße").fill("Marienplatz");
  await page.getByLabel("Hausnummer").fill("8");
  await page.getByLabel("Postleitzahl").fill("80331");
  await page.getByLabel("Ort").fill("München");
  await page.getByLabel("Wunschtermin").fill(inDays(10));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prüfen Sie Ihre Angaben");
  await expect(page.getByText("1 Schrank, 2 Stühle")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Antrag absenden" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Antrag ist eingegangen");
  await expect(page.locator("#reference")).toHaveText(/^M-\d{4}-\d{6}$/);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
  await expect(page.locator("#issuer")).toBeHidden();
  // On paper: no navigation or screen hints, but the issuer, the reference and the answers.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByText("Sie können diese Seite als Nachweis ausdrucken")).toBeHidden();
  await expect(page.locator("#issuer")).toHaveText("Serviceportal · Abfallwirtschaftsbetrieb München");
  await expect(page.locator("#reference")).toBeVisible();
  await expect(page.getByText("1 Schrank, 2 Stühle")).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });
  // Full-page form posts abort the previous page's wasm download; nothing else fails.
  expect(errors.filter((e) => !e.startsWith("request failed:"))).toEqual([]);
});

/** A PNG by its signature, enough for the portal's content check. */
function png(): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  return bytes;
}

test("apply for a parking permit with an upload", async ({ page }) => {
  await page.goto("/anmelden?return_to=/leistungen/bewohnerparkausweis");
  await page.getByRole("button", { name: /Erika Mustermann/ }).click();
  await page.getByRole("button", { name: "Antrag starten" }).click();

  // Name and e-mail come from the sign-in.
  await expect(page.getByLabel("Vorname")).toHaveValue("Erika");
  await page.getByLabel("Straße").fill("Marienplatz");
  await page.getByLabel("Hausnummer").fill("8");
  await page.getByLabel("Postleitzahl").fill("80331");
  await page.getByLabel("Ort").fill("München");
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Fahrzeug");
  await page.getByLabel("Amtliches Kennzeichen").fill("M-AB 1234");
  await page.getByLabel("Auf mich").check();
  await page.getByLabel("Zulassungsbescheinigung Teil I").setInputFiles({
    name: "zulassung.png",
    mimeType: "image/png",
    buffer: png(),
  });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erklärung");
  await page.getByLabel(/Ich versichere/).check();
  await page.getByRole("button", { name: "Weiter" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prüfen Sie Ihre Angaben");
  await expect(page.getByText("zulassung.png")).toBeVisible();
  await page.getByRole("button", { name: "Antrag absenden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Antrag ist eingegangen");
  await expect(page.getByText("zulassung.png")).toBeVisible();
});

test("save a draft and resume it from my applications", async ({ page }) => {
  // A service no other test files, so the draft is this test's own.
  await page.goto("/anmelden?return_to=/leistungen/hund-anmelden");
  await page.getByRole("button", { name: /Jonas Neumann/ }).click();
  await page.getByRole("button", { name: "Antrag starten" }).click();
  await page.getByLabel("Name des Hundes").fill("Bello");
  await page.getByRole("button", { name: "Speichern und später fortsetzen" }).click();
  await expect(page.getByRole("status")).toContainText("Ihre Angaben sind gespeichert");

  await page.getByRole("link", { name: "Meine Anträge" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Anträge");
  await expectNoAxeViolations(page);
  await page
    .getByRole("listitem")
    .filter({ hasText: "Hund anmelden" })
    .getByRole("link", { name: "Weiter ausfüllen" })
    .click();
  await expect(page.getByLabel("Name des Hundes")).toHaveValue("Bello");
});

test("after hydration, a field is checked when it is left, with the server's rules", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/anmelden?return_to=/leistungen/kita-platz-vormerken");
  await page.getByRole("button", { name: /Erika Mustermann/ }).click();
  await page.getByRole("button", { name: "Antrag starten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihre Kinder");
  await page.getByRole("button", { name: "Weiter", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihre Kinder");
  // Back on the step after the refused post; now the browser checks as well.
  await page.goto(page.url().split("#")[0]);
  await waitForHydration(page);
  const url = page.url();
  await page.getByLabel("Vorname des Kindes").fill("Mia");
  await page.getByLabel(/Geburtsdatum/).fill("2099-01-01");
  await page.getByLabel(/Geburtsdatum/).blur();
  const error = page.getByText("Das Datum darf nicht nach dem");
  await expect(error).toBeVisible();
  const date = page.getByLabel(/Geburtsdatum/);
  await expect(date).toHaveAttribute("aria-invalid", "true");
  // The message is read with the input, and the input is drawn as wrong.
  await expect(date).toHaveAttribute("aria-describedby", /-error$/);
  await expect(date).toHaveAccessibleDescription(/Das Datum darf nicht nach dem/);
  await expect(date).toHaveClass(/kern-form-input__input--error/);
  expect(page.url()).toBe(url);
  // Fixed while typing: the mark goes.
  await date.fill("2024-03-01");
  await expect(error).toBeHidden();
  await expect(date).not.toHaveAttribute("aria-invalid");
  await expect(date).not.toHaveClass(/kern-form-input__input--error/);
  await expect(date).toHaveAccessibleDescription("");
  await expectNoAxeViolations(page);
  // Hydration went without complaint (aborted downloads of left pages aside).
  expect(errors.filter((e) => !e.startsWith("request failed:"))).toEqual([]);
});

test("after hydration, the checks speak the page's language", async ({ page, context, baseURL }) => {
  const errors = watchForErrors(page);
  await page.goto("/anmelden?return_to=/leistungen/kita-platz-vormerken");
  await page.getByRole("button", { name: /Erika Mustermann/ }).click();
  await page.getByRole("button", { name: "Antrag starten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihre Kinder");
  const step = page.url().split("#")[0];
  // The browser reads the texts of the page's language, fetched beside the module.
  for (const [language, label, message] of [
    ["en", /Date of birth/, "The date must not be after"],
    ["tr", /Geburtsdatum/, "tarihinden sonra olmamalıdır"],
  ] as const) {
    await context.addCookies([{ name: "portal_lang", value: language, url: baseURL ?? "" }]);
    await page.goto(step);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await waitForHydration(page);
    await page.getByLabel(label).fill("2099-01-01");
    await page.getByLabel(label).blur();
    await expect(page.getByText(message)).toBeVisible();
  }
  expect(errors.filter((e) => !e.startsWith("request failed:"))).toEqual([]);
});

test("after hydration, fields appear when the answer they depend on is given", async ({ page }) => {
  await page.goto("/anmelden?return_to=/leistungen/hund-anmelden");
  await page.getByRole("button", { name: /Erika Mustermann/ }).click();
  await page.getByRole("button", { name: "Antrag starten" }).click();
  await waitForHydration(page);
  // Each field's message waits in the page for the live checks, out of sight.
  await expect(page.locator(".kern-error")).not.toHaveCount(0);
  await expect(page.locator(".kern-error:visible")).toHaveCount(0);
  // "Which breed?" waits for "other breed".
  await expect(page.getByLabel("Welche Rasse?")).toBeHidden();
  await page.getByLabel("Rasse", { exact: true }).selectOption("other");
  await expect(page.getByLabel("Welche Rasse?")).toBeVisible();
  await page.getByLabel("Rasse", { exact: true }).selectOption("mix");
  await expect(page.getByLabel("Welche Rasse?")).toBeHidden();
  await expectNoAxeViolations(page);
});

test("after hydration, a field inside a repeated group appears for its own item only", async ({ page }) => {
  await page.goto("/anmelden?return_to=/leistungen/kita-platz-vormerken");
  await page.getByRole("button", { name: /Erika Mustermann/ }).click();
  await page.getByRole("button", { name: "Antrag starten" }).click();
  await page.getByLabel("Vorname des Kindes").fill("Mia");
  // Adding an item posts the form, so it works without JavaScript too.
  await page.getByRole("button", { name: "Weiteres hinzufügen: Kind" }).click();
  await expect(page.getByRole("group", { name: "Kind 2", exact: true })).toBeVisible();
  await waitForHydration(page);
  const first = page.getByRole("group", { name: "Kind 1", exact: true });
  const second = page.getByRole("group", { name: "Kind 2", exact: true });
  await expect(first.getByLabel("Welcher Förderbedarf?")).toBeHidden();
  await expect(second.getByLabel("Welcher Förderbedarf?")).toBeHidden();
  await first.getByRole("radio", { name: "Ja", exact: true }).check();
  await expect(first.getByLabel("Welcher Förderbedarf?")).toBeVisible();
  await expect(second.getByLabel("Welcher Förderbedarf?")).toBeHidden();
  await first.getByRole("radio", { name: "Nein", exact: true }).check();
  await expect(first.getByLabel("Welcher Förderbedarf?")).toBeHidden();
  await expectNoAxeViolations(page);
});
