import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendRequestError } from './request-errors';

/**
 * The JSON body of /graphql, at most `maxBytes`. A larger body is 413, a
 * malformed one 400, both as GraphQL errors naming what was wrong.
 */
export function graphqlBody(maxBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBytes });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const e = error as { type?: string; status?: number };
      if (e.type === 'entity.too.large') {
        return sendRequestError(req, res, 413, 'BAD_REQUEST', `The request body is larger than the limit of ${maxBytes} bytes (CANOPY_MAX_BODY_BYTES).`, {
          limit: 'CANOPY_MAX_BODY_BYTES',
        });
      }
      if (e.type === 'entity.parse.failed') return sendRequestError(req, res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
        return sendRequestError(req, res, 415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON.');
      }
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      return sendRequestError(req, res, status, 'BAD_REQUEST', 'The request body could not be read.');
    });
  };
}

/**
 * Batched requests (a JSON array of operations): refused when batching is off
 * (max 1), else at most `max` operations per request.
 */
export function batchLimit(max: number): RequestHandler {
  return (req, res, next) => {
    if (!Array.isArray(req.body)) return next();
    if (max <= 1) {
      return sendRequestError(req, res, 400, 'BAD_REQUEST', 'Batched requests are turned off: send one operation per request (CANOPY_MAX_BATCH_OPERATIONS=1).', {
        limit: 'CANOPY_MAX_BATCH_OPERATIONS',
      });
    }
    if (req.body.length === 0 || req.body.length > max) {
      return sendRequestError(req, res, 400, 'BAD_REQUEST', `A batch holds 1 to ${max} operations (CANOPY_MAX_BATCH_OPERATIONS); this one has ${req.body.length}.`, {
        limit: 'CANOPY_MAX_BATCH_OPERATIONS',
      });
    }
    next();
  };
}

/**
 * The per-request time limit. A query still running after `ms` is answered
 * with QUERY_TOO_COMPLEX (HTTP 400) and whatever it would have written later
 * is dropped. Mutations are disarmed once identified (disarm()): a refusal
 * must mean nothing was written, and a mutation cut off mid-way could still
 * commit; they are bounded by the database's lock wait timeout instead.
 */
export class RequestDeadlines {
  private readonly armed = new Map<string, () => void>();

  constructor(private readonly ms: number) {}

  readonly middleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const id = String(res.locals.requestId ?? '');
    const timer = setTimeout(() => this.expire(req, res, id), this.ms);
    const done = () => {
      clearTimeout(timer);
      this.armed.delete(id);
    };
    this.armed.set(id, done);
    res.once('finish', done);
    res.once('close', done);
    next();
  };

  /** Called when the operation turns out to be a mutation. */
  disarm(requestId: string): void {
    this.armed.get(requestId)?.();
  }

  /** Requests whose deadline is still armed (for tests and shutdown logs). */
  get pending(): number {
    return this.armed.size;
  }

  private expire(req: Request, res: Response, id: string): void {
    this.armed.delete(id);
    if (res.headersSent || res.writableEnded) return;
    res.setHeader('connection', 'close');
    sendRequestError(req, res, 400, 'QUERY_TOO_COMPLEX', `The request did not finish within ${this.ms} ms (CANOPY_REQUEST_TIMEOUT_MS): ask for less and try again.`, {
      limit: 'CANOPY_REQUEST_TIMEOUT_MS',
    });
    // The GraphQL handler is still running: whatever it sends later goes nowhere.
    const ignore = function (this: Response) {
      return this;
    };
    Object.assign(res, { setHeader: ignore, status: ignore, send: ignore, json: ignore, end: ignore, write: () => true });
  }
}

/** Brackets a document may nest, counted before parsing: graphql-js parses and validates recursively. */
export const MAX_DOCUMENT_NESTING = 100;

/**
 * How deeply a GraphQL document nests `{`, `[` and `(`, outside strings and
 * comments. graphql-js parses recursively and its validation compares
 * argument values recursively: a few thousand nested brackets overflow the
 * stack (a 500 from inside Apollo), so they are refused before parsing.
 */
export function documentNesting(document: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < document.length; i++) {
    const c = document[i];
    if (c === '#') {
      while (i < document.length && document[i] !== '\n' && document[i] !== '\r') i++;
    } else if (c === '"') {
      if (document.startsWith('"""', i)) {
        i += 3;
        while (i < document.length && !document.startsWith('"""', i)) i += document.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < document.length && document[i] !== '"' && document[i] !== '\n') i += document[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > max) max = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return max;
}

/** Refuses a document nested deeper than MAX_DOCUMENT_NESTING with QUERY_TOO_COMPLEX, before Apollo parses it. */
export function documentNestingLimit(max = MAX_DOCUMENT_NESTING): RequestHandler {
  return (req, res, next) => {
    const documents: unknown[] = [];
    if (req.method === 'GET') documents.push(req.query?.query);
    else if (Array.isArray(req.body)) documents.push(...req.body.map((op: { query?: unknown } | null) => op?.query));
    else documents.push((req.body as { query?: unknown } | undefined)?.query);
    for (const document of documents) {
      if (typeof document !== 'string') continue;
      const nesting = documentNesting(document);
      if (nesting > max) {
        return sendRequestError(req, res, 400, 'QUERY_TOO_COMPLEX', `The document nests brackets ${nesting} deep; the limit is ${max}.`, { limit: 'nesting', max, actual: nesting });
      }
    }
    next();
  };
}
