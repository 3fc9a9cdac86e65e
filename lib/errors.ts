// One error contract shared by route handlers and the client: stable codes mapped to HTTP statuses.
export const errorStatus = {
  "bad_request:input": 400,
  "unauthorized:auth": 401,
  "forbidden:registration": 403,
  "forbidden:origin": 403,
  "not_found:conversation": 404,
  "not_found:message": 404,
  "not_found:preset": 404,
  "not_found:attachment": 404,
  "conflict:email": 409,
  "conflict:generation": 409,
  "payload_too_large:input": 413,
  "unsupported_media_type:image": 415,
  "unsupported_media_type:body": 415,
  "rate_limited:auth": 429,
  "unavailable:database": 503,
  "internal:server": 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
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
