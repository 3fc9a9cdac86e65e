"use client";

/**
 * Short confirmations ("Link copied") through sonner, loaded on the first toast so that the page's first
 * load does not carry it. The toaster mounts itself (components/ui/toaster-host.tsx) in a root of its own.
 */
type Kind = "success" | "error" | "info";

let host: Promise<typeof import("./toaster-host")> | null = null;

export function notify(message: string, kind: Kind = "success") {
  host ??= import("./toaster-host");
  void host.then(({ show }) => show(message, kind));
}
