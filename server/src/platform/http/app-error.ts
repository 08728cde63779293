/**
 * The one error type of the domain. Modules throw `AppError` with a code from this catalogue; the
 * HTTP layer turns it into RFC 9457 problem+json. The domain never speaks HTTP itself.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, title: { nb: 'Noe i forespørselen er ikke gyldig', en: 'Some of the request is not valid' } },
  import_rejected: { status: 422, title: { nb: 'Filen ble ikke importert', en: 'The file was not imported' } },
  unauthenticated: { status: 401, title: { nb: 'Du må logge inn', en: 'You need to sign in' } },
  forbidden: { status: 403, title: { nb: 'Du har ikke tilgang til dette', en: 'You do not have access to this' } },
  csrf_failed: { status: 403, title: { nb: 'Forespørselen manglet sikkerhetsnøkkel. Last siden på nytt.', en: 'The request lacked its security token. Reload the page.' } },
  not_found: { status: 404, title: { nb: 'Fant ikke det du så etter', en: 'Not found' } },
  conflict: { status: 409, title: { nb: 'Det finnes allerede, eller noen andre har endret det', en: 'It already exists, or someone else changed it' } },
  version_conflict: { status: 412, title: { nb: 'Noen andre har endret dette mens du redigerte. Last inn på nytt.', en: 'Someone else changed this while you were editing. Reload it.' } },
  payload_too_large: { status: 413, title: { nb: 'Filen er for stor', en: 'The file is too large' } },
  rate_limited: { status: 429, title: { nb: 'For mange forespørsler. Vent litt og prøv igjen.', en: 'Too many requests. Wait a moment and try again.' } },
  database_in_use: { status: 503, title: { nb: 'Databasen er i bruk av en annen prosess', en: 'The database is in use by another process' } },
  internal: { status: 500, title: { nb: 'Noe gikk galt hos oss', en: 'Something went wrong on our side' } },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** A problem with one field or one cell of an imported file. */
export interface FieldProblem {
  /** JSON pointer-ish path of the field (`name`, `licences.0.count`) or the file's column name. */
  field?: string;
  /** 1-based line in an imported file. */
  line?: number;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** What went wrong, said to a municipal user, in bokmål. */
    readonly detail?: string,
    readonly problems: FieldProblem[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? errorCatalogue[code].title.en);
    this.name = 'AppError';
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export const notFound = (what: string) => new AppError('not_found', `Fant ikke ${what}.`);
export const forbidden = (detail?: string) => new AppError('forbidden', detail);
