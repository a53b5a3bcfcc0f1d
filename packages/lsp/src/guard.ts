import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export type Logger = (message: string) => void;

/**
 * Wraps a request handler so a failure inside one feature answers that request with an
 * error (and a log line) instead of taking the server down.
 */
export function guard<P, R>(log: Logger, feature: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R | ResponseError<void>> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      // A deliberate answer (bad parameters and the like) goes back as it is.
      if (error instanceof ResponseError) return error as ResponseError<void>;
      const message = error instanceof Error ? error.message : String(error);
      log(`${feature} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      return new ResponseError<void>(ErrorCodes.InternalError, `cfglint ${feature} failed: ${message}`);
    }
  };
}

/** The same for notifications: errors are logged, never thrown. */
export function guardNotification<P>(log: Logger, feature: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
  return async (params: P) => {
    try {
      await handler(params);
    } catch (error) {
      log(`${feature} failed: ${error instanceof Error && error.stack ? error.stack : String(error)}`);
    }
  };
}
