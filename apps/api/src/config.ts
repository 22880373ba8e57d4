import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseDatabaseUrl } from '@canopy/persistence';
import type { RetrySchedule } from '@canopy/domain';
import { loadSigningKey, SigningKey } from '@canopy/evidence';
import { DEFAULT_MAX_LIST_RESULTS } from './common/list-limit';

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be one of true, false, 1, 0' })
  .transform((v) => v === 'true' || v === '1');

/** A whole number from the environment, within bounds. */
const int = (min: number, max: number, fallback: number) =>
  z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(min).max(max).default(fallback);

/** Comma-separated origins (scheme://host[:port]) allowed to call the API from a browser. */
const origins = z
  .string()
  .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const origin of list) {
      let url: URL | null = null;
      try {
        url = new URL(origin);
      } catch {
        // reported below
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
        ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://console.example.com` });
      }
    }
  })
  .transform((list) => list.map((o) => o.replace(/\/$/, '')));

/** Express's "trust proxy": true/false, a hop count, or addresses, subnets and the names loopback, linklocal, uniquelocal. */
const trustProxy = z.string().transform((value, ctx): boolean | number | string => {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !['loopback', 'linklocal', 'uniquelocal'].includes(e) && !isIP(e.replace(/\/\d+$/, '')));
  if (bad.length || !entries.length) {
    ctx.addIssue({ code: 'custom', message: `must be true, false, a hop count, or addresses/subnets/loopback/linklocal/uniquelocal; not "${bad.join(', ') || value}"` });
    return z.NEVER;
  }
  return entries.join(',');
});

/** smtp://[user:pass@]host[:port] or smtps://...; never echoed (it may hold a password). */
const smtpUrl = z.string().superRefine((value, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname) {
    ctx.addIssue({ code: 'custom', message: 'must be smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port]' });
  }
});

/** "address" or "Name <address>": the From of every e-mail. */
const mailFrom = z.string().regex(/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
  message: 'must be an address or "Name <address>"',
});

/** Where people reach this Canopy: links in e-mails are built from it. */
const publicUrl = z
  .string()
  .transform((value, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      // reported below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
      ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 100)}" is not a base URL like https://canopy.example.com` });
      return z.NEVER;
    }
    return url.href.replace(/\/+$/, '');
  });

/** 32 bytes, as 64 hex digits or base64: seals webhook secrets at rest. */
const secretsKey = z.string().transform((value, ctx) => {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(value) && key.toString('base64') !== value)) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes written as 64 hex digits or in base64 (openssl rand -base64 32)' });
    return z.NEVER;
  }
  return key;
});

/** A file holding a PEM PKCS#8 Ed25519 private key: signs the audit log's tree heads (docs/evidence.md). */
const signingKeyFile = z.string().transform((path, ctx): SigningKey => {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return z.NEVER;
  }
  try {
    return loadSigningKey(pem);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `"${path}" does not hold a PEM PKCS#8 Ed25519 private key (${(error as Error).message})` });
    return z.NEVER;
  }
});

const schema = z
  .object({
    PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(4000),
    DATABASE_URL: z
      .string()
      .default('sqlite:./.data/canopy.sqlite')
      .superRefine((value, ctx) => {
        try {
          parseDatabaseUrl(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^DATABASE_URL:?\s*/, '') });
        }
      }),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    CANOPY_DEMO: flag.optional(),
    CANOPY_BENCHMARK: flag.optional(),
    CANOPY_SQL_COUNT: flag.optional(),
    CANOPY_BOOTSTRAP_ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
    CANOPY_BOOTSTRAP_TOKEN: z.string().min(16, { message: 'must have at least 16 characters' }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Hardening (docs/reliability.md): query limits, HTTP hygiene, sign-in rate limits, shutdown.
    CANOPY_MAX_QUERY_DEPTH: int(2, 100, 12),
    CANOPY_MAX_QUERY_COST: int(100, 10_000_000, 50_000),
    CANOPY_QUERY_LIST_SIZE: int(1, 10_000, 20),
    CANOPY_MAX_ALIASES: int(0, 1000, 100),
    CANOPY_MAX_QUERY_TOKENS: int(200, 1_000_000, 8000),
    CANOPY_MAX_BATCH_OPERATIONS: int(1, 100, 1),
    CANOPY_MAX_BODY_BYTES: int(1024, 100 * 1024 * 1024, 1024 * 1024),
    CANOPY_REQUEST_TIMEOUT_MS: int(100, 3_600_000, 30_000),
    CANOPY_MAX_CONCURRENT_OPERATIONS: int(0, 10_000, 4),
    CANOPY_HEAP_CEILING_PERCENT: int(1, 100, 90),
    CANOPY_CORS_ORIGINS: origins.optional(),
    CANOPY_TRUST_PROXY: trustProxy.optional(),
    CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1_000_000, 10),
    CANOPY_LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 1_000_000, 100),
    CANOPY_LOGIN_WINDOW_SECONDS: int(1, 86_400, 900),
    CANOPY_SHUTDOWN_GRACE_MS: int(0, 600_000, 10_000),
    CANOPY_MAX_LIST_RESULTS: int(1, 1_000_000, DEFAULT_MAX_LIST_RESULTS),
    // Notifications (docs/notifications.md): the outbox dispatcher, e-mail, webhooks.
    CANOPY_DISPATCHER: flag.optional(),
    CANOPY_SMTP_URL: smtpUrl.optional(),
    CANOPY_MAIL_FROM: mailFrom.optional(),
    CANOPY_PUBLIC_URL: publicUrl.optional(),
    CANOPY_WEBHOOK_ALLOW_PRIVATE: flag.optional(),
    CANOPY_PUBLIC_NOTICES: flag.optional(),
    CANOPY_SECRETS_KEY: secretsKey.optional(),
    CANOPY_DELIVERY_TIMEOUT_MS: int(100, 120_000, 10_000),
    CANOPY_OUTBOX_POLL_MS: int(10, 60_000, 1000),
    CANOPY_OUTBOX_LEASE_MS: int(500, 3_600_000, 60_000),
    CANOPY_OUTBOX_BATCH_SIZE: int(1, 500, 20),
    CANOPY_OUTBOX_MAX_ATTEMPTS: int(1, 100, 10),
    CANOPY_OUTBOX_RETRY_BASE_MS: int(10, 3_600_000, 5000),
    CANOPY_OUTBOX_RETRY_MAX_MS: int(10, 86_400_000, 3_600_000),
    // Evidence (docs/evidence.md): without a key file, a key is generated once and kept in the database.
    CANOPY_SIGNING_KEY_FILE: signingKeyFile.optional(),
  })
  .refine((env) => Boolean(env.CANOPY_BOOTSTRAP_ADMIN_EMAIL) === Boolean(env.CANOPY_BOOTSTRAP_TOKEN), {
    message: 'set both CANOPY_BOOTSTRAP_ADMIN_EMAIL and CANOPY_BOOTSTRAP_TOKEN, or neither',
    path: ['CANOPY_BOOTSTRAP_TOKEN'],
  })
  .refine((env) => env.CANOPY_OUTBOX_LEASE_MS >= 2 * env.CANOPY_DELIVERY_TIMEOUT_MS, {
    message: 'must be at least twice CANOPY_DELIVERY_TIMEOUT_MS: a claimed message is sent and marked before its lease ends',
    path: ['CANOPY_OUTBOX_LEASE_MS'],
  })
  .refine((env) => env.CANOPY_OUTBOX_RETRY_MAX_MS >= env.CANOPY_OUTBOX_RETRY_BASE_MS, {
    message: 'must not be less than CANOPY_OUTBOX_RETRY_BASE_MS',
    path: ['CANOPY_OUTBOX_RETRY_MAX_MS'],
  });

export interface Config {
  port: number;
  databaseUrl: string;
  production: boolean;
  /** Load demo data into an empty database: on by default for the embedded SQLite default outside production. */
  demo: boolean;
  /**
   * The benchmark's switches (tools/bench): each response carries its SQL statement count (unless
   * CANOPY_SQL_COUNT=false), and CANOPY_NAIVE_LOADERS=1 is honoured. On outside production by default;
   * CANOPY_BENCHMARK=true turns them on in production, so the benchmark measures the API as it ships.
   */
  benchmark: boolean;
  /**
   * Count each request's SQL statements and send the count (x-canopy-sql-statements): the benchmark's
   * switch by default. Counting keeps a request scope (AsyncLocalStorage), whose promise hooks cost about
   * a tenth of a service list's CPU on Node 20; the bench times processes without it and counts on a twin.
   */
  sqlCount: boolean;
  bootstrap: { email: string; token: string } | null;
  logLevel: string;
  hardening: HardeningConfig;
  /** How long SIGTERM waits for requests in flight before cutting them off. */
  shutdownGraceMs: number;
  /** The most entries an unpaginated list that grows with the organisation answers (RESULT_TOO_LARGE above). */
  maxListResults: number;
  notifications: NotificationsConfig;
  /** Signs the audit log's tree heads; null: the key kept in the database (generated on first start). */
  signingKey: SigningKey | null;
}

/** The outbox, its dispatcher, e-mail and webhooks: docs/notifications.md. */
export interface NotificationsConfig {
  /** Run the dispatcher in this process (CANOPY_DISPATCHER, on by default). */
  dispatcher: boolean;
  /** null: e-mails are kept PENDING, not sent, and listed for admins. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Base URL of links in messages, without a trailing slash. */
  publicUrl: string;
  /** Public policy pages and the homepage banner feed (CANOPY_PUBLIC_NOTICES; on in demo mode). */
  publicNotices: boolean;
  /** Webhooks may target loopback, private, link-local and metadata addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
  /** Seals webhook secrets at rest (AES-256-GCM); null stores them as they are. */
  secretsKey: Buffer | null;
  /** One SMTP conversation or webhook request, at most. */
  deliveryTimeoutMs: number;
  outbox: { pollMs: number; leaseMs: number; batchSize: number; retry: RetrySchedule };
}

/** Limits and HTTP policies of apps/api/src/hardening: see docs/reliability.md for what each one guards. */
export interface HardeningConfig {
  maxDepth: number;
  maxCost: number;
  /** The size assumed for a list without a `first` argument when estimating a query's cost. */
  listSize: number;
  maxAliases: number;
  maxTokens: number;
  /** 1 = batched requests refused; more = batches of up to this many operations. */
  maxBatchOperations: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  /** GraphQL operations run at once per process, the others waiting their turn in arrival order (0: no limit). */
  maxConcurrentOperations: number;
  /** Share of the heap limit above which queries are refused with SERVICE_UNAVAILABLE (common/memory-guard.ts). */
  heapCeiling: number;
  corsOrigins: string[];
  trustProxy: boolean | number | string;
  login: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMs: number };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; every bad value is named in one message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const embedded = e.DATABASE_URL.startsWith('sqlite:');
  const demo = e.CANOPY_DEMO ?? (embedded && !production);
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    production,
    demo,
    benchmark: e.CANOPY_BENCHMARK ?? !production,
    sqlCount: e.CANOPY_SQL_COUNT ?? e.CANOPY_BENCHMARK ?? !production,
    bootstrap: e.CANOPY_BOOTSTRAP_ADMIN_EMAIL && e.CANOPY_BOOTSTRAP_TOKEN
      ? { email: e.CANOPY_BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), token: e.CANOPY_BOOTSTRAP_TOKEN }
      : null,
    logLevel: e.LOG_LEVEL,
    hardening: {
      maxDepth: e.CANOPY_MAX_QUERY_DEPTH,
      maxCost: e.CANOPY_MAX_QUERY_COST,
      listSize: e.CANOPY_QUERY_LIST_SIZE,
      maxAliases: e.CANOPY_MAX_ALIASES,
      maxTokens: e.CANOPY_MAX_QUERY_TOKENS,
      maxBatchOperations: e.CANOPY_MAX_BATCH_OPERATIONS,
      maxBodyBytes: e.CANOPY_MAX_BODY_BYTES,
      requestTimeoutMs: e.CANOPY_REQUEST_TIMEOUT_MS,
      maxConcurrentOperations: e.CANOPY_MAX_CONCURRENT_OPERATIONS,
      heapCeiling: e.CANOPY_HEAP_CEILING_PERCENT / 100,
      corsOrigins: e.CANOPY_CORS_ORIGINS ?? [],
      trustProxy: e.CANOPY_TRUST_PROXY ?? 'loopback',
      login: {
        maxFailuresPerAccount: e.CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerAddress: e.CANOPY_LOGIN_MAX_FAILURES_PER_ADDRESS,
        windowMs: e.CANOPY_LOGIN_WINDOW_SECONDS * 1000,
      },
    },
    shutdownGraceMs: e.CANOPY_SHUTDOWN_GRACE_MS,
    maxListResults: e.CANOPY_MAX_LIST_RESULTS,
    notifications: notificationsConfig(e, demo),
    signingKey: e.CANOPY_SIGNING_KEY_FILE ?? null,
  };
}

function notificationsConfig(e: z.infer<typeof schema>, demo: boolean): NotificationsConfig {
  const publicUrl = e.CANOPY_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    dispatcher: e.CANOPY_DISPATCHER ?? true,
    smtpUrl: e.CANOPY_SMTP_URL ?? null,
    mailFrom: e.CANOPY_MAIL_FROM ?? `Canopy <canopy@${new URL(publicUrl).hostname}>`,
    publicUrl,
    publicNotices: e.CANOPY_PUBLIC_NOTICES ?? demo,
    webhookAllowPrivate: e.CANOPY_WEBHOOK_ALLOW_PRIVATE ?? false,
    secretsKey: e.CANOPY_SECRETS_KEY ?? null,
    deliveryTimeoutMs: e.CANOPY_DELIVERY_TIMEOUT_MS,
    outbox: {
      pollMs: e.CANOPY_OUTBOX_POLL_MS,
      leaseMs: e.CANOPY_OUTBOX_LEASE_MS,
      batchSize: e.CANOPY_OUTBOX_BATCH_SIZE,
      retry: { baseMs: e.CANOPY_OUTBOX_RETRY_BASE_MS, maxMs: e.CANOPY_OUTBOX_RETRY_MAX_MS, maxAttempts: e.CANOPY_OUTBOX_MAX_ATTEMPTS },
    },
  };
}
