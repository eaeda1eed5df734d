// Sign-in through the identity provider's own login page, in a real browser.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, oidcPortal } from "./helpers";

test("sign in at the provider, see the name and the account page, sign out", async ({ page }) => {
  await page.goto(`${oidcPortal}/toilets`);
  await page.getByRole("banner").getByRole("link", { name: "Anmelden", exact: true }).click();

  // The provider's page.
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  expect(new URL(page.url()).origin).not.toBe(oidcPortal);
  await page.getByLabel("Benutzername").fill("erika");
  await page.getByLabel("Passwort").fill("test");
  await page.getByRole("button", { name: "Anmelden" }).click();

  // Back on the page where the sign-in started, signed in.
  await expect(page).toHaveURL(`${oidcPortal}/toilets`);
  await expect(page.getByRole("banner")).toContainText("Erika Mustermann");

  await page.getByRole("link", { name: "Erika Mustermann" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Konto");
  await expect(page.getByText("erika.mustermann@example.org")).toBeVisible();
  await expect(page.getByText("Marienplatz 8, 80331 München")).toBeVisible();
  await expectNoAxeViolations(page);

  // Sign-out ends the provider session too: the provider asks for confirmation.
  await page.getByRole("banner").getByRole("button", { name: "Abmelden" }).click();
  await page.getByRole("button", { name: "Ja, abmelden" }).click();
  await expect(page).toHaveURL(`${oidcPortal}/`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden" })).toBeVisible();
  await page.goto(`${oidcPortal}/konto`);
  await expect(page.getByLabel("Passwort")).toBeVisible();
});

test("a failed sign-in explains itself without reflecting input", async ({ page }) => {
  await page.goto(`${oidcPortal}/auth/login?return_to=/konto`);
  await page.getByRole("button", { name: "Abbrechen" }).click();
  await expect(page).toHaveURL(`${oidcPortal}/anmelden/fehler?grund=abgebrochen`);
  await expect(page.getByRole("alert")).toContainText("abgebrochen");
  await expectNoAxeViolations(page);
});

test("the demo sign-in does not exist with an identity provider", async ({ page }) => {
  const response = await page.goto(`${oidcPortal}/anmelden`);
  expect(response?.status()).toBe(404);
});
