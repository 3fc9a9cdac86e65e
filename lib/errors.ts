// One error contract shared by route handlers and the client: stable codes mapped to HTTP statuses.
export const errorStatus = {
  "bad_request:input": 400,
  "bad_request:model": 400,
  "bad_request:budget": 400,
  "bad_request:batch_items": 400,
  "bad_request:credentials_rejected": 400,
  "bad_request:credentials_forbidden": 400,
  budget_exceeded: 402,
  "unauthorized:auth": 401,
  "forbidden:registration": 403,
  "forbidden:origin": 403,
  "forbidden:self": 403,
  "not_found:page": 404,
  "not_found:user": 404,
  "not_found:invite": 404,
  "not_found:conversation": 404,
  "not_found:message": 404,
  "not_found:preset": 404,
  "not_found:attachment": 404,
  "not_found:connector": 404,
  "not_found:file": 404,
  "not_found:share": 404,
  "not_found:batch": 404,
  "conflict:email": 409,
  "conflict:generation": 409,
  "conflict:connector": 409,
  "conflict:preset_name": 409,
  "conflict:last_admin": 409,
  "conflict:batch": 409,
  "conflict:sso_not_configured": 409,
  "conflict:demo_mode": 409,
  "payload_too_large:input": 413,
  "quota_exceeded:storage": 413,
  "unsupported_media_type:image": 415,
  "unsupported_media_type:document": 415,
  "unsupported_media_type:body": 415,
  "rate_limited:auth": 429,
  "rate_limited:chat": 429,
  "rate_limited:replies": 429,
  "rate_limited:search": 429,
  "rate_limited:upload": 429,
  "rate_limited:import": 429,
  "rate_limited:count": 429,
  "unavailable:database": 503,
  "unavailable:summary": 503,
  "unavailable:batches": 503,
  "unavailable:credentials_secret": 503,
  "upstream:summary": 502,
  "upstream:batch": 502,
  "upstream:credentials_unreachable": 502,
  "upstream:credentials_check": 502,
  "internal:server": 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const RETRY_AFTER = ["retryAfterSeconds"] as const;

/**
 * The params the server sends with a code, the only placeholders its catalogue message
 * (lib/i18n/messages/<locale>/errors.json) may use; codes not listed send none.
 */
export const errorParams = {
  budget_exceeded: ["budgetUsd", "resetsAt"],
  "bad_request:batch_items": ["reason", "line"],
  "upstream:credentials_check": ["status"],
  "rate_limited:chat": RETRY_AFTER,
  "rate_limited:replies": RETRY_AFTER,
  "rate_limited:search": RETRY_AFTER,
  "rate_limited:upload": RETRY_AFTER,
  "rate_limited:import": RETRY_AFTER,
  "rate_limited:count": RETRY_AFTER,
} as const satisfies Partial<Record<ErrorCode, readonly string[]>>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorStatus, code);
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: { path: string; message: string }[];
    /** Values for the client's translated message (e.g. `budget_exceeded`: budgetUsd, resetsAt). */
    params?: Record<string, string | number>;
  };
}

export class AppError extends Error {
  /** Seconds after which the same request may succeed; sent as the `retry-after` header. */
  retryAfter?: number;
  /** Values for the client's translated message. */
  params?: Record<string, string | number>;

  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "AppError";
  }

  /** A refusal that may be repeated after `seconds` (429 with `retry-after`). */
  static retryable(code: ErrorCode, message: string, seconds: number): AppError {
    const error = new AppError(code, message);
    error.retryAfter = Math.max(1, Math.ceil(seconds));
    error.params = { retryAfterSeconds: error.retryAfter };
    return error;
  }

  get headers(): Record<string, string> | undefined {
    return this.retryAfter === undefined ? undefined : { "retry-after": String(this.retryAfter) };
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.params ? { params: this.params } : {}),
      },
    };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ErrorBody).error?.message === "string"
  );
}
