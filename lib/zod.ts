// zod for modules that also run in the browser. Pages forbid eval (Content-Security-Policy), and zod
// probes for it with `new Function` when it builds its first object schema unless `jitless` is set
// first; the probe fails quietly but is reported as a CSP violation. Importing z from here sets it
// before such a module defines its schemas.
import { z } from "zod";

z.config({ jitless: true });

export { z };
