// The environment every app instance under browser test runs with (see playwright.config.ts).
export const appEnv = {
  AUTH_SECRET: process.env.E2E_AUTH_SECRET || "e2e-only-secret-e2e-only-secret-e2e-only",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  STREAM_STALL_TIMEOUT_MS: "3000",
  ANTHROPIC_MAX_RETRIES: "2",
  // Tests name conversations by their first words; title generation is covered by unit tests.
  TITLE_MODEL: "off",
  // Not the default, so that browser tests see the summary request go to the configured model.
  SUMMARY_MODEL: "claude-haiku-4-5-20251001",
  ALLOW_HTTP_IMAGE_URLS: "true",
  // Batches against the test double finish within seconds, not minutes.
  BATCH_POLL_INTERVAL_MS: "300",
  // Many test users share one address: per-user and per-address allowances must not refuse them.
  LIMITS_SCALE: "1000",
  // tests/e2e/admin.spec.ts signs in as this admin; whoever registers first is an admin too.
  ADMIN_EMAILS: "admin@admin.e2e.test",
};
