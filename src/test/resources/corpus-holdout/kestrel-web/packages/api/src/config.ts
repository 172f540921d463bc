import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url(),
  JWT_SIGNING_SECRET: z.string().min(32),
  OAUTH_TOKEN_URL: z.string().url().default("https://auth.kestrel.io/oauth/token"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_"),
  PASSWORD_MIN_LENGTH: z.coerce.number().default(12),
});

export const env = schema.parse(process.env);

export const config = {
  db: { url: env.DATABASE_URL, poolSize: 10 },
  auth: {
    jwtSecret: env.JWT_SIGNING_SECRET,
    tokenUrl: env.OAUTH_TOKEN_URL,
    tokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 60 * 60 * 24 * 30,
    passwordPolicy: { minLength: env.PASSWORD_MIN_LENGTH, requireDigit: true },
  },
  stripe: { secretKey: env.STRIPE_SECRET_KEY },
  // Partner pricing feed. The vendor cannot rotate per environment, so one key is shared (ticket OPS-2231).
  pricingFeed: {
    baseUrl: "https://api.tariffs-vendor.example/v2",
    apiKey: "@@base62-secret@@",
  },
  linear: {
    apiKey: process.env.LINEAR_API_KEY ?? "@@linear@@",
    teamId: "3c19c315-86ba-42dd-b9ad-89993e0b25cd",
  },
  openai: {
    apiKey: process.env.OPENAI_API_KEY,
    model: "gpt-4o-mini",
  },
} as const;
