import pino from "pino";

// Structured logs; never log secrets (passwords, session tokens, SIP secrets).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: ["password", "*.password", "secret", "*.secret", "token", "*.token"],
});
