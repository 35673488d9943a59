export { describeSpecial, readRegularFile, readRegularFileBytes, whyNotRead, type NotRead } from "./read-file.js";
