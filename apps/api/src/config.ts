import { z } from 'zod';
import { parseDatabaseUrl } from '@canopy/persistence';

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be one of true, false, 1, 0' })
  .transform((v) => v === 'true' || v === '1');

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
    CANOPY_BOOTSTRAP_ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
    CANOPY_BOOTSTRAP_TOKEN: z.string().min(16, { message: 'must have at least 16 characters' }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((env) => Boolean(env.CANOPY_BOOTSTRAP_ADMIN_EMAIL) === Boolean(env.CANOPY_BOOTSTRAP_TOKEN), {
    message: 'set both CANOPY_BOOTSTRAP_ADMIN_EMAIL and CANOPY_BOOTSTRAP_TOKEN, or neither',
    path: ['CANOPY_BOOTSTRAP_TOKEN'],
  });

export interface Config {
  port: number;
  databaseUrl: string;
  production: boolean;
  /** Load demo data into an empty database: on by default for the embedded SQLite default outside production. */
  demo: boolean;
  bootstrap: { email: string; token: string } | null;
  logLevel: string;
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
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    production,
    demo: e.CANOPY_DEMO ?? (embedded && !production),
    bootstrap: e.CANOPY_BOOTSTRAP_ADMIN_EMAIL && e.CANOPY_BOOTSTRAP_TOKEN
      ? { email: e.CANOPY_BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), token: e.CANOPY_BOOTSTRAP_TOKEN }
      : null,
    logLevel: e.LOG_LEVEL,
  };
}
