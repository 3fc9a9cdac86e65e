// Loaded into the app server by bench:throughput (node --import): on each SIGUSR2 it writes the
// process's CPU time so far and the event-loop delay since the previous signal to the file named
// by THROUGHPUT_PROBE_FILE. With THROUGHPUT_PROFILE_DIR it also records a CPU profile of each span
// between two signals (the measured phase only, not start-up or sign-in). Inactive without the file.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.THROUGHPUT_PROBE_FILE;
const profileDir = process.env.THROUGHPUT_PROFILE_DIR;

function profiler() {
  const session = new Session();
  session.connect();
  const post = (method) =>
    new Promise((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let running = false;
  let count = 0;
  return async () => {
    if (running) {
      const { profile } = await post("Profiler.stop");
      writeFileSync(path.join(profileDir, `phase-${++count}.cpuprofile`), JSON.stringify(profile));
    } else {
      await post("Profiler.enable");
      await post("Profiler.start");
    }
    running = !running;
  };
}

if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const toggleProfile = profileDir ? profiler() : null;
  process.on("SIGUSR2", async () => {
    const reading = {
      cpu: process.cpuUsage(),
      loopDelayMs: {
        p50: delay.percentile(50) / 1e6,
        p99: delay.percentile(99) / 1e6,
        max: delay.max / 1e6,
      },
    };
    delay.reset();
    await toggleProfile?.();
    writeFileSync(file, JSON.stringify(reading));
  });
}
