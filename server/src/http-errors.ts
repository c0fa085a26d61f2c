import express from 'express';

/** The largest request body and the deepest JSON nesting the API reads. */
export const MAX_BODY = '1mb';
export const MAX_JSON_DEPTH = 64;

/** An error at the HTTP level, answered as GraphQL's JSON error body with a code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendError(res: express.Response, error: HttpError): void {
  res
    .status(error.status)
    .set(error.headers)
    .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
}

/** The deepest nesting of arrays and objects in a JSON text, stopping once past `limit`. */
function nestsDeeperThan(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // a backslash escapes the next byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * express.json, refusing nesting past MAX_JSON_DEPTH before parsing: graphql-js and the cost
 * counter recurse through variables, and 100,000 levels overflowed the stack.
 */
export function jsonBody(): express.RequestHandler {
  return express.json({
    limit: MAX_BODY,
    verify: (_req, _res, body) => {
      if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
        throw new HttpError(400, 'BAD_REQUEST', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
    },
  });
}

/** body-parser's error types and what the client is told. */
const bodyErrors: Record<string, HttpError> = {
  'entity.parse.failed': new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON'),
  'entity.too.large': new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY.replace('mb', ' MB')}`),
  'encoding.unsupported': new HttpError(415, 'BAD_REQUEST', 'The request body has an unsupported content encoding'),
  'charset.unsupported': new HttpError(415, 'BAD_REQUEST', 'The request body has an unsupported charset'),
  'request.aborted': new HttpError(400, 'BAD_REQUEST', 'The request was aborted'),
};

/**
 * Express's last error handler: every error at the HTTP level becomes a JSON body with a code, never
 * Express's HTML page with its stack trace. Unexpected ones are logged and told apart from nothing.
 */
export const errorHandler: express.ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const known = error instanceof HttpError ? error : bodyErrors[(error as { type?: string }).type ?? ''];
  if (known) {
    sendError(res, known);
    return;
  }
  const status = (error as { status?: number }).status;
  if (status && status >= 400 && status < 500) {
    sendError(res, new HttpError(status, 'BAD_REQUEST', 'The request cannot be read'));
    return;
  }
  console.error(error);
  sendError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
};
