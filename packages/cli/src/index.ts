export { main } from "./main.js";
export type { Io } from "./io.js";
export { checkFiles, type CheckRun } from "./commands/check.js";
export { nodeHost } from "./node-host.js";
