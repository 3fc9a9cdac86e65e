// The credentials an admin may store for each provider, checked here for the route and the form.
// Messages are keys of the "admin.errors" catalogue section.
import { z } from "zod";

const secret = (max: number) =>
  z
    .string({ message: "credentialRequired" })
    .trim()
    .min(1, { message: "credentialRequired" })
    .max(max, { message: "credentialTooLong" });

const region = z
  .string({ message: "credentialRequired" })
  .trim()
  .min(1, { message: "credentialRequired" })
  .max(50, { message: "credentialTooLong" })
  .regex(/^[a-z0-9-]+$/, { message: "regionInvalid" });

/** A Google service-account key file: JSON with the fields the token exchange needs. */
const serviceAccountJson = secret(8000).refine(
  (text) => {
    try {
      const key = JSON.parse(text) as Record<string, unknown>;
      return (
        key.type === "service_account" &&
        typeof key.client_email === "string" &&
        typeof key.private_key === "string"
      );
    } catch {
      return false;
    }
  },
  { message: "serviceAccountInvalid" },
);

export const credentialsSchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("anthropic"), apiKey: secret(500) }).strict(),
  z
    .object({
      provider: z.literal("bedrock"),
      accessKeyId: secret(128).regex(/^[A-Z0-9]+$/, { message: "accessKeyIdInvalid" }),
      secretAccessKey: secret(500),
      sessionToken: z.string().trim().max(5000, { message: "credentialTooLong" }).optional(),
      region,
    })
    .strict(),
  z
    .object({
      provider: z.literal("vertex"),
      serviceAccountJson,
      projectId: secret(200),
      region,
    })
    .strict(),
  z
    .object({
      provider: z.literal("foundry"),
      apiKey: secret(500),
      /** Another resource than the environment's; empty: the environment's resource or base URL. */
      resource: z
        .string()
        .trim()
        .max(100, { message: "credentialTooLong" })
        .regex(/^([a-z0-9][a-z0-9-]*)?$/i, { message: "resourceInvalid" })
        .optional(),
    })
    .strict(),
]);

export type ProviderCredentials = z.infer<typeof credentialsSchema>;

/** What may be shown of stored credentials: never enough to use them. */
export function fingerprintOf(credentials: ProviderCredentials): string {
  const last4 = (value: string) => `…${value.slice(-4)}`;
  switch (credentials.provider) {
    case "anthropic":
    case "foundry":
      return last4(credentials.apiKey);
    case "bedrock":
      return last4(credentials.accessKeyId);
    case "vertex": {
      const key = JSON.parse(credentials.serviceAccountJson) as { client_email: string };
      return key.client_email;
    }
  }
}
