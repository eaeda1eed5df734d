// Browser tests against a real portal process: the server binary built by
// `cargo leptos build`, on a fresh SQLite database in a temporary folder, started by
// Playwright and stopped after the run. Chromium is the machine's own (Debian's
// package): no browser is downloaded.
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3107);
const dataDir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
const portal = process.env.E2E_PORTAL_BIN ?? join(root, "target", "debug", "portal");

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // One retry in CI; a retried test is reported as flaky in the output, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    locale: "de-DE",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromiumSandbox: false,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: `${portal} serve`,
    cwd: root,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORTAL_LISTEN: `127.0.0.1:${port}`,
      PORTAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORTAL_DATABASE_URL: `sqlite://${join(dataDir, "portal.db")}?mode=rwc`,
      PORTAL_DATA_DIR: dataDir,
      PORTAL_SITE_ROOT: join(root, "target", "site"),
      PORTAL_LOG_FILTER: "warn",
    },
  },
});
