/** An RFC 9457 problem as every service and the gateway answer it: a message and error codes with data. */
export interface ProblemError {
  error_code: string;
  data?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ProblemError[];
  readonly retryAfter?: number;

  constructor(status: number, message: string, errors: ProblemError[], retryAfter?: number) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  /** The first error code, which the pages translate into words. */
  get code(): string {
    return this.errors[0]?.error_code ?? `http_${this.status}`;
  }

  get data(): Record<string, unknown> {
    return this.errors[0]?.data ?? {};
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let message = response.statusText;
  let errors: ProblemError[] = [];
  try {
    const body = await response.json();
    message = body.message ?? body.detail ?? message;
    errors = Array.isArray(body.errors) ? body.errors : body.error_code ? [{ error_code: body.error_code, data: body.data }] : [];
  } catch {
    // not JSON: keep the status text
  }
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, message, errors, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}
