// Test fixtures: none of these are real credentials.
export const users = [
  { email: "ops@example.com", password: "", role: "ops" },
  { email: "driver@example.com", password: "correct horse battery staple", role: "driver" },
];

export const jwtSecret = "test-secret-not-used-in-prod";
export const expiredToken = "<expired-jwt>";
export const apiKeyHeader = "X-Kestrel-Api-Key";
export const authHeader = (token: string) => ({ Authorization: `Bearer ${token}` });
export const secretName = "kestrel/api/test/jwt";
export const passwordResetTokenLength = 32;
export const fakeStripeKey = "sk_test_FAKE0000000000000000000000";
export const privateKeyPath = "./test/keys/test-signing.pem";
export const tokenHash = "sha256:d6ba2b0aee0ca923732881584d8c4fa2815d2802827283e0ad84173581569969";
