// Browser tests against real portal processes: the server binary built by
// `cargo leptos build`, on fresh SQLite databases in temporary folders, started by
// Playwright and stopped after the run. One portal runs on the embedded defaults
// (demo sign-in); a second signs in through the test identity provider
// (`idp/server.mjs`), which Playwright starts too. Chromium is the machine's own
// (Debian's package): no browser is downloaded.
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3107);
const oidcPort = port + 1;
const idpPort = port + 2;
const portal = process.env.E2E_PORTAL_BIN ?? join(root, "target", "debug", "portal");

/** A portal on `listen` with its own database; `extra` adds settings. */
function portalServer(listenPort: number, extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
  return {
    command: `${portal} serve`,
    cwd: root,
    url: `http://127.0.0.1:${listenPort}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      PORTAL_LISTEN: `127.0.0.1:${listenPort}`,
      PORTAL_PUBLIC_URL: `http://127.0.0.1:${listenPort}`,
      PORTAL_DATABASE_URL: `sqlite://${join(dataDir, "portal.db")}?mode=rwc`,
      PORTAL_DATA_DIR: dataDir,
      PORTAL_SITE_ROOT: join(root, "target", "site"),
      PORTAL_LOG_FILTER: "warn",
      // Every test signs in from loopback.
      PORTAL_RATE_LIMIT__LOGIN_BURST: "1000",
      // The toilet finder's map asks no tile server.
      PORTAL_TOILETS__TILE_URL: "",
      ...extra,
    },
  };
}

const oidcPortalUrl = `http://127.0.0.1:${oidcPort}`;

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
  webServer: [
    portalServer(port),
    {
      command: `node idp/server.mjs --port ${idpPort} --portal-url ${oidcPortalUrl}`,
      cwd: __dirname,
      url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    portalServer(oidcPort, {
      PORTAL_AUTH__MODE: "oidc",
      PORTAL_OIDC__ISSUER_URL: `http://127.0.0.1:${idpPort}`,
      PORTAL_OIDC__CLIENT_ID: "portal",
      PORTAL_OIDC__CLIENT_SECRET: "portal-secret",
      PORTAL_OIDC__SCOPES: "[openid, profile, email, address]",
    }),
  ],
});
