// Prints the heaviest frames of a V8 CPU profile (node --cpu-prof): self time per function, and
// total time per source file (npm run bench:profile -- FILE.cpuprofile [COUNT]).
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countArg] = process.argv.slice(2);
if (!file) throw new Error("usage: bench:profile FILE.cpuprofile [COUNT]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const count = Number(countArg ?? 25);
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) =>
  url.replace(/^.*\/(node_modules|\.next)\//, "$1/").replace(/^file:\/\//, "");
const byFrame = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"}  ${shortUrl(url)}:${lineNumber + 1}`;
  byFrame.set(key, (byFrame.get(key) ?? 0) + us);
  const where = shortUrl(url) || functionName;
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
const top = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
    .join("\n");
console.log(`${(total / 1e6).toFixed(1)} s sampled\n\nself time by function:\n${top(byFrame)}`);
console.log(`\nself time by file:\n${top(byFile)}`);
