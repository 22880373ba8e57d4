import type { Request, Response } from 'express';

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * A refusal before GraphQL runs, shaped like a GraphQL response so every
 * client reads it the same way: `{ errors: [{ message, extensions: { code } }] }`,
 * in the media type the client asked for (GraphQL over HTTP).
 */
export function sendRequestError(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  const type = req.accepts(['application/json', GRAPHQL_RESPONSE_JSON]) === GRAPHQL_RESPONSE_JSON ? GRAPHQL_RESPONSE_JSON : 'application/json';
  res.status(status).type(type).send(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}
