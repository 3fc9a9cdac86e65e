// What is known about the API request being handled, for its log lines: its id, and the user once
// authenticated. Set by the route wrapper (lib/http.ts), filled in by requireUserId.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestScope {
  requestId: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return storage.run(scope, run);
}

/** The request being handled, if any (work started by a request, e.g. a reply, keeps its scope). */
export function requestScope(): RequestScope | undefined {
  return storage.getStore();
}

export function noteRequestUser(userId: string): void {
  const scope = storage.getStore();
  if (scope) scope.userId = userId;
}
