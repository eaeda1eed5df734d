// The service designer in the browser, keyboard only: a department administrator
// pastes a three-step service (a condition, an upload), sees the checker's error,
// corrects it, adds a field and sets a rule from the forms, previews the steps in
// German and English and proposes it; a second administrator publishes it; a citizen
// files it with a file, held to the rule; a caseworker of the department finds it in
// the inbox. No accessibility violations on any designer page.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers";

// Each run publishes its own service (the portal of the tests is shared).
const run = Date.now().toString(36);
const id = `strassenfest-${run}`;
const slug = `strassenfest-anmelden-${run}`;
const title = `Straßenfest anmelden ${run}`;

const service = (music: string) => `id = "${id}"
slug = "${slug}"
department = "kvr"
level = "low"
life_situations = ["wohnen"]
title = { de = "${title}", en = "Register a street party ${run}" }
summary = { de = "Melden Sie ein Straßenfest an.", en = "Register a street party." }

[description]
what = { de = "Anmeldung eines Straßenfests.", en = "Registration of a street party." }
who = { de = "Anwohnerinnen und Anwohner.", en = "Residents." }

[[steps]]
id = "fest"
title = { de = "Das Fest", en = "The party" }

[[steps.fields]]
id = "musik"
type = "yes_no"
label = { de = "Gibt es Musik?", en = "Will there be music?" }
required = true

[[steps.fields]]
id = "lautsprecher"
type = "number"
label = { de = "Anzahl der Lautsprecher", en = "Number of speakers" }
required = true
min = 1
max = 10
show_if = { field = "musik", equals = "${music}" }

[[steps]]
id = "ort"
title = { de = "Der Ort", en = "The place" }

[[steps.fields]]
id = "strasse"
type = "text"
label = { de = "Straße des Festes", en = "Street of the party" }
required = true
max_length = 100

[[steps]]
id = "unterlagen"
title = { de = "Unterlagen", en = "Documents" }

[[steps.fields]]
id = "plan"
type = "file"
label = { de = "Lageplan", en = "Site plan" }
required = true
accept = ["application/pdf"]
max_size_kb = 1024
`;

/** Presses the button `name` from the keyboard. */
async function press(page: Page, name: string) {
  await page.getByRole("button", { name }).focus();
  await page.keyboard.press("Enter");
}

async function signIn(page: Page, persona: string, back: string) {
  await page.goto(`/anmelden?return_to=${encodeURIComponent(back)}`);
  await page.locator(`button[value="${persona}"]`).focus();
  await page.keyboard.press("Enter");
}

test("a service designed, previewed, published by a colleague, filed and in the inbox", async ({ browser }) => {
  test.slow();
  const dana = await (await browser.newContext()).newPage();
  await signIn(dana, "department-admin", "/dienststelle/entwuerfe");
  await expect(dana.getByRole("heading", { level: 1, name: "Leistungen gestalten" })).toBeVisible();
  await expectNoAxeViolations(dana);

  // A condition on "ja", where a yes/no field answers "yes": named with its place.
  await dana.getByLabel("Leistungsdatei (TOML)").fill(service("ja"));
  await press(dana, "Als Entwurf speichern");
  await expect(dana.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(dana.getByRole("heading", { name: "Prüfung: 1 Fehler, 0 Hinweise" })).toBeVisible();
  await expect(dana.getByText("steps[0].fields[1].show_if")).toBeVisible();
  await expect(dana.getByRole("button", { name: "Zur Veröffentlichung vorschlagen" })).toHaveCount(0);
  await expectNoAxeViolations(dana);

  await dana.getByLabel("Leistungsdatei (TOML)").fill(service("yes"));
  await press(dana, "Entwurf speichern");
  await expect(dana.getByRole("status")).toHaveText("Der Entwurf ist gespeichert.");
  await expect(dana.getByText("Die Prüfung findet nichts.")).toBeVisible();

  // A field added from the form: a phone number on the second step, shown only when
  // there is music (the condition picked from the answers the service knows).
  const add = dana.getByRole("region", { name: "Feld hinzufügen" });
  await add.getByLabel("Schritt", { exact: true }).selectOption("2");
  await add.getByLabel("Art des Feldes").selectOption("phone");
  await add.getByLabel("Kennung").fill("telefon");
  await add.getByLabel("Bezeichnung (Deutsch; bei einem Hinweistext: der Text)").fill("Telefon für Rückfragen");
  await add.getByLabel("Bezeichnung (Englisch)", { exact: true }).fill("Phone for questions");
  await add.getByLabel("Nur zeigen, wenn").selectOption("musik=yes");
  await press(dana, "Feld hinzufügen");
  await expect(dana.getByRole("status")).toHaveText("Das Feld ist hinzugefügt und der Entwurf gespeichert.");
  await expect(dana.getByRole("region", { name: "Schritte und Felder" })).toContainText("Telefon für Rückfragen");
  await expect(dana.getByText("Die Prüfung findet nichts.")).toBeVisible();
  await expectNoAxeViolations(dana);

  // The field's texts edited in place: its disclosure opened from the keyboard.
  const edit = dana.locator("details", { hasText: "Telefon für Rückfragen bearbeiten" });
  await edit.locator("summary").focus();
  await dana.keyboard.press("Enter");
  await edit.getByLabel("Erläuterung unter der Bezeichnung (Deutsch)").fill("Für Rückfragen am Festtag.");
  await expectNoAxeViolations(dana);
  await edit.getByRole("button", { name: "Feld speichern" }).focus();
  await dana.keyboard.press("Enter");
  await expect(dana.getByRole("status")).toHaveText("Das Feld ist geändert und der Entwurf gespeichert.");

  // A rule from the speakers' form: at most five.
  const speakers = dana.locator("details", { hasText: "Anzahl der Lautsprecher bearbeiten" });
  await speakers.locator("summary").focus();
  await dana.keyboard.press("Enter");
  await expect(speakers.getByLabel("Kleinster Wert")).toHaveValue("1");
  await speakers.getByLabel("Größter Wert").fill("5");
  await expectNoAxeViolations(dana);
  await speakers.getByRole("button", { name: "Feld speichern" }).focus();
  await dana.keyboard.press("Enter");
  await expect(dana.getByRole("status")).toHaveText("Das Feld ist geändert und der Entwurf gespeichert.");

  // The steps as citizens will see them, on a phone's width, in both languages.
  await dana.getByRole("link", { name: "Vorschau der Schritte" }).focus();
  await dana.keyboard.press("Enter");
  await expect(dana.getByRole("heading", { level: 1 })).toHaveText(`Vorschau: ${title}, Schritt 1 von 3`);
  await expect(dana.getByRole("group", { name: "Gibt es Musik?" })).toBeVisible();
  await expectNoAxeViolations(dana);
  await dana.getByRole("link", { name: "Nächster Schritt" }).click();
  await dana.getByRole("link", { name: "Nächster Schritt" }).click();
  await expect(dana.getByLabel("Lageplan")).toBeVisible();
  await dana.getByRole("link", { name: "Auf Englisch ansehen" }).click();
  await expect(dana.getByLabel("Site plan")).toBeVisible();
  const frame = await dana.locator(".portal-preview").boundingBox();
  expect(frame?.width).toBeLessThanOrEqual(375);
  await expectNoAxeViolations(dana);
  await dana.getByRole("link", { name: "Zurück zum Entwurf" }).click();

  await press(dana, "Zur Veröffentlichung vorschlagen");
  await expect(dana.getByRole("status")).toHaveText("Der Entwurf ist zur Veröffentlichung vorgeschlagen.");
  await expect(dana.getByRole("button", { name: "Veröffentlichen" })).toHaveCount(0);
  await expectNoAxeViolations(dana);

  // Four eyes: a colleague of the department publishes it.
  const jan = await (await browser.newContext()).newPage();
  await signIn(jan, "department-admin-2", "/dienststelle/entwuerfe");
  await jan.getByRole("link", { name: title, exact: true }).click();
  await press(jan, "Veröffentlichen");
  await expect(jan.getByRole("status")).toHaveText(/Die Leistung ist veröffentlicht/);
  await expectNoAxeViolations(jan);

  // A citizen files it, with the site plan.
  const jonas = await (await browser.newContext()).newPage();
  await signIn(jonas, "citizen", `/leistungen/${slug}`);
  await expect(jonas.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await press(jonas, "Antrag starten");
  await jonas.getByLabel("Ja").check();
  await jonas.getByLabel("Anzahl der Lautsprecher").fill("6");
  await press(jonas, "Weiter");
  await expect(jonas.getByText("Der Wert darf höchstens 5 sein.").first()).toBeVisible();
  await jonas.getByLabel("Anzahl der Lautsprecher").fill("2");
  await press(jonas, "Weiter");
  await jonas.getByLabel("Straße des Festes").fill("Kapuzinerstraße");
  await jonas.getByLabel("Telefon für Rückfragen").fill("089 1234567");
  await press(jonas, "Weiter");
  await jonas.getByLabel("Lageplan").setInputFiles({
    name: "lageplan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await press(jonas, "Weiter");
  await expect(jonas.getByRole("heading", { level: 1 })).toHaveText("Prüfen Sie Ihre Angaben");
  await press(jonas, "Antrag absenden");
  await expect(jonas.getByRole("heading", { level: 1 })).toHaveText("Ihr Antrag ist eingegangen");

  // The department's caseworker has it in the inbox.
  const lena = await (await browser.newContext()).newPage();
  await signIn(lena, "caseworker-awm", "/bearbeitung");
  await expect(lena.getByRole("row", { name: new RegExp(title) })).toBeVisible();
});

test("a repeatable group is built from the forms and previewed, keyboard only", async ({ page }) => {
  await signIn(page, "department-admin", "/dienststelle/entwuerfe");
  // Its own id, address and title: the other test's colleague picks its draft by title.
  const grouped = `${title} mit Helfern`;
  await page.getByLabel("Leistungsdatei (TOML)").fill(
    service("yes").replaceAll(id, `${id}-gruppe`).replaceAll(slug, `${slug}-gruppe`).replaceAll(title, grouped),
  );
  await press(page, "Als Entwurf speichern");
  await expect(page.getByRole("heading", { level: 1, name: grouped })).toBeVisible();

  const add = page.getByRole("region", { name: "Feld hinzufügen" });
  const addField = async (step: string, kind: string, key: string, label: string) => {
    await add.getByLabel("Schritt", { exact: true }).selectOption(step);
    await add.getByLabel("Art des Feldes").selectOption(kind);
    await add.getByLabel("Kennung").fill(key);
    await add.getByLabel("Bezeichnung (Deutsch; bei einem Hinweistext: der Text)").fill(label);
    await press(page, "Feld hinzufügen");
    await expect(page.getByRole("status")).toHaveText("Das Feld ist hinzugefügt und der Entwurf gespeichert.");
  };
  await addField("2", "group", "helfer", "Helferinnen und Helfer");
  // The empty group is named by the checker, and offered as the place of a field.
  await expect(page.getByText("a group needs fields").first()).toBeVisible();
  await addField("2/helfer", "text", "name", "Name der Helferin oder des Helfers");
  const outline = page.getByRole("region", { name: "Schritte und Felder" });
  await expect(outline.getByRole("listitem").filter({ hasText: "Name der Helferin oder des Helfers" }).last()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Prüfung: 0 Fehler/ })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const link of ["Vorschau der Schritte", "Nächster Schritt"]) {
    await page.getByRole("link", { name: link }).focus();
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("group", { name: "Helferinnen und Helfer" })).toBeVisible();
  await expectNoAxeViolations(page);
});
