import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, type ErrorCode, type FieldProblem } from './app-error.ts';
import { DatabaseLockedError } from '../database/data-dir-lock.ts';

/** RFC 9457 problem details, as every error leaves the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  problems?: FieldProblem[];
  [extension: string]: unknown;
}

const language = (request: FastifyRequest): 'nb' | 'en' =>
  /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'nb';

export function toProblem(error: AppError, request: FastifyRequest): ProblemDetails {
  const entry = errorCatalogue[error.code];
  return {
    type: `https://grunnmur.no/problems/${error.code.replaceAll('_', '-')}`,
    title: entry.title[language(request)],
    status: entry.status,
    detail: error.detail,
    instance: request.url,
    code: error.code,
    ...(error.problems.length > 0 ? { problems: error.problems } : {}),
    ...error.extensions,
  };
}

/** PostgreSQL error codes that mean the user asked for something the data does not allow. */
function fromDatabaseError(error: { code?: string; constraint?: string; detail?: string }): AppError | undefined {
  switch (error.code) {
    case '23505':
      return new AppError('conflict', 'Det finnes allerede en med samme navn eller nummer.');
    case '23503':
      return new AppError('conflict', 'Dette henger sammen med noe annet som må endres først.');
    case '42501':
      return new AppError('forbidden');
    case '22P02':
      return new AppError('validation_failed', 'En verdi har feil format.');
    default:
      return undefined;
  }
}

function classify(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DatabaseLockedError) return new AppError('database_in_use', error.message);
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError(
      'validation_failed',
      'Sjekk feltene som er markert.',
      error.validation.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || undefined,
        message: issue.message ?? 'Ugyldig verdi',
      })),
    );
  }
  const cause = (error as { cause?: unknown }).cause as { code?: string } | undefined;
  const database = fromDatabaseError(error as never) ?? (cause ? fromDatabaseError(cause) : undefined);
  if (database) return database;
  const status = (error as FastifyError).statusCode;
  if (status === 429) return new AppError('rate_limited');
  if (status === 413 || (error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('payload_too_large');
  if (status === 415 || (error as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('validation_failed', 'Forespørselen har en innholdstype vi ikke tar imot.');
  }
  if (status && status >= 400 && status < 500) return new AppError('validation_failed', error.message);
  return new AppError('internal');
}

export function registerProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = classify(error);
    if (appError.code === 'internal' || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'request failed');
    }
    return reply.status(appError.status).type('application/problem+json').send(toProblem(appError, request));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('not_found', 'Adressen finnes ikke.');
    return reply.status(404).type('application/problem+json').send(toProblem(error, request));
  });
}
