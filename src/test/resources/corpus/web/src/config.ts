import Stripe from "stripe";
import { LinearClient } from "@linear/sdk";
import { initializeApp } from "firebase/app";

export interface AppConfig {
  apiBaseUrl: string;
  apiKey?: string;
  passwordMinLength: number;
}

export const config: AppConfig = {
  apiBaseUrl: process.env.API_BASE_URL ?? "https://api.acme.io",
  apiKey: process.env.ACME_API_KEY,
  passwordMinLength: 12,
};

// Firebase web config (apiKey here is the browser key, restricted by referrer)
export const firebaseApp = initializeApp({
  apiKey: "@@google-api-key@@",
  authDomain: "acme-portal.firebaseapp.com",
  projectId: "acme-portal",
  storageBucket: "acme-portal.appspot.com",
  messagingSenderId: "1093442051234",
  appId: "1:1093442051234:web:8f2e6c1a4b3d4e5f9a0b1c",
});

export const stripe = new Stripe("@@stripe-restricted@@", { apiVersion: "2023-10-16" });
export const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY! });

const SENTRY_AUTH_TOKEN = "@@sentry-auth-token@@";
const JWT_SECRET: string = "@@base62-secret@@";
const token = localStorage.getItem("token");
const secretKey = import.meta.env.VITE_SECRET_KEY;

export const theme = {
  primary: "#1f6feb",
  secondary: "#8b949e",
  danger: "#d1242f",
  tokenBorder: "#30363d",
};

export function authHeaders(accessToken: string = token ?? ""): Record<string, string> {
  return { Authorization: `Bearer ${accessToken}` };
}

export const VERSION = "3.14.2-rc.1+build.8812";
export const BUILD_SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
export { SENTRY_AUTH_TOKEN, JWT_SECRET, secretKey };
