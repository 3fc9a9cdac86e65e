// Stands in for the "server-only" guard, which throws outside Next's server bundles.
export {};
