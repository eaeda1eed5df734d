// The department dashboard in the browser: a department administrator and a
// caseworker open it from the header, choose a period with the keyboard, and see the
// figures and the services with their switch, and download a service's definition.
// No accessibility violations.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

test("a department administrator reads the dashboard and chooses a period by keyboard", async ({ page }) => {
  await page.goto("/anmelden?return_to=/dienststelle");
  await page.locator('button[value="department-admin"]').click();
  await expect(page.getByRole("heading", { level: 1, name: "Übersicht der Dienststelle" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dienststelle" })).toBeVisible();
  // The KVR's services, each with its published version and a switch.
  const services = page.getByRole("table", { name: /Leistungen mit veröffentlichter Fassung/ });
  await expect(services.getByRole("rowheader", { name: "Bewohnerparkausweis beantragen" })).toBeVisible();
  await expect(services.getByRole("button", { name: "Bewohnerparkausweis beantragen abschalten" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Entscheidungen ab").fill("2026-01-01");
  await page.getByLabel("Entscheidungen bis").fill("2026-12-31");
  await page.getByLabel("Entscheidungen bis").press("Enter");
  await expect(page).toHaveURL(/von=2026-01-01&bis=2026-12-31/);
  await expect(page.getByLabel("Entscheidungen ab")).toHaveValue("2026-01-01");
  await expectNoAxeViolations(page);
  // The log of the department's webhook deliveries is one link away.
  await page.getByRole("link", { name: "Zustellungen an Fachverfahren (Webhooks)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zustellungen an Fachverfahren" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a department administrator downloads a service's definition by keyboard", async ({ page }) => {
  await page.goto("/anmelden?return_to=/dienststelle");
  await page.locator('button[value="department-admin"]').click();
  const link = page.getByRole("link", { name: "Bewohnerparkausweis beantragen als TOML-Datei" });
  await link.focus();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toBe("bewohnerparkausweis.toml");
  const text = await readFile(await file.path(), "utf8");
  expect(text).toContain('id = "bewohnerparkausweis"');
  expect(text).toContain("[[steps]]");
});

test("a caseworker sees the figures of their department in English", async ({ page }) => {
  await page.goto("/lang/en?back=/anmelden%3Freturn_to%3D/dienststelle");
  await page.locator('button[value="caseworker-awm"]').click();
  await expect(page.getByRole("heading", { level: 1, name: "Department overview" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Cases by state" })).toBeVisible();
  // Caseworkers see whether a service is online but cannot switch it.
  await expect(page.getByRole("button", { name: /Switch .* off/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
