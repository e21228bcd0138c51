/**
 * The one error type of the web app: it carries the HTTP status and a message written for the user
 * (what went wrong and what to do). The API answers it as JSON `{status, message}`; pages show it.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  status: number;
  message: string;
}
