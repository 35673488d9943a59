/**
 * What the benchmark sections share: statistics, the machine, and running a command as a child
 * process that reports its own CPU time and peak memory when it exits.
 */
import { spawn } from "node:child_process";
import { cpus, loadavg, totalmem, platform, release } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("..", import.meta.url));

const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => {
  const s = sorted(xs);
  const middle = s.length >> 1;
  return s.length % 2 ? s[middle] : (s[middle - 1] + s[middle]) / 2;
};
export const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);

/** Median, p95, min and max of a list of milliseconds, rounded for the report. */
export function summary(times) {
  const round = (x) => Math.round(x * 10) / 10;
  return { median: round(median(times)), p95: round(p95(times)), min: round(min(times)), max: round(max(times)), n: times.length };
}

export function machine() {
  const list = cpus();
  return {
    cpu: list[0]?.model?.trim() ?? "unknown",
    cores: list.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

export const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Preloaded into child processes: on exit, report CPU time (user + system, all threads) and peak RSS. */
const reporter =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nBENCH-USAGE '+(u.userCPUTime+u.systemCPUTime)/1000+' '+u.maxRSS+'\\n')})";

export const nodeWithUsage = (args) => [process.execPath, ["--import", reporter, ...args]];

/** Splits a child's stderr into its own text and the usage line the reporter appended. */
export function usageOf(stderr) {
  const match = /\nBENCH-USAGE ([\d.]+) (\d+)\n/.exec(stderr);
  return {
    cpuMs: match ? Number(match[1]) : NaN,
    maxRssMb: match ? Math.round(Number(match[2]) / 1024) : NaN,
    stderr: match ? stderr.replace(match[0], "") : stderr,
  };
}

/** Runs `node args…` to completion with the usage reporter; wall time measured from here. */
export function runNode(args, options = {}) {
  const [command, full] = nodeWithUsage(args);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, full, { cwd: options.cwd ?? repo, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      const usage = usageOf(stderr);
      resolve({ code, wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssMb, stdout, stderr: usage.stderr });
    });
  });
}

/** Prints one line at once (sections print as they go). */
export const say = (line = "") => process.stdout.write(`${line}\n`);

export const ms = (x) => (x === undefined || Number.isNaN(x) ? "—" : x >= 100 ? `${Math.round(x)}` : `${Math.round(x * 10) / 10}`);
