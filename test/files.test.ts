import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { readRegularFile } from "../packages/node-files/src/read-file.js";
import { writeFilesAtomically, WriteError } from "../packages/cli/src/write-atomic.js";

/**
 * Files are never lost or exposed, and nothing hangs or reads without limit: the real CLI on real
 * files (symbolic and hard links, modes, owners, named pipes, devices), with a time bound wherever
 * the fault was a hang.
 */

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
/** Generous: a command that does not hang finishes in well under a second. */
const hangBound = 20_000;

function covenant(args: string[], cwd: string): { code: number | null; signal: string | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    timeout: hangBound,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const messy = 'party   supplier "Supplier Co." { role: supplier\n      jurisdiction: JP }\n';
const tidy = 'party supplier "Supplier Co." {\n  role: supplier\n  jurisdiction: JP\n}\n';

function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "covenant-files-"));
  writeFileSync(join(dir, "package.json"), "{}");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A project holding the supply agreement and the clause library it imports. */
function supplyProject(): string {
  const dir = project();
  cpSync(join(repo, "examples/supply-agreement.contract"), join(dir, "supply-agreement.contract"));
  cpSync(join(repo, "examples/library"), join(dir, "library"), { recursive: true });
  return dir;
}

const mkfifo = (path: string): void => void execFileSync("mkfifo", [path]);
const isRoot = process.getuid?.() === 0;

describe("build never writes over its inputs", () => {
  const source = readFileSync(join(repo, "examples/supply-agreement.contract"), "utf8");
  const library = readFileSync(join(repo, "examples/library/standard-terms.contract"), "utf8");

  it.each([
    ["the contract itself", ["-o", "supply-agreement.contract"], "supply-agreement.contract", "it is an input"],
    ["the contract spelt another way", ["-o", "./library/../supply-agreement.contract"], "supply-agreement.contract", "it is an input"],
    ["the imported library", ["-o", "library/standard-terms.contract"], "library/standard-terms.contract", "it is an input"],
    ["a symbolic link to the contract", ["-o", "link.md"], "link.md", "it is the same file as 'supply-agreement.contract'"],
    ["a hard link to the library", ["-o", "hard.md"], "hard.md", "it is the same file as 'library/standard-terms.contract'"],
    [
      "--out-dir onto a link to the contract",
      ["--out-dir", "out", "--to", "markdown,json"],
      "out/supply-agreement.md",
      "it is the same file as",
    ],
    [
      "--out-dir onto the folder of the contract",
      ["--out-dir", ".", "--to", "markdown,json"],
      "supply-agreement.md",
      "it is the same file as",
    ],
  ])("refuses %s: exit 2, one line, nothing written", (_, args, shown, why) => {
    const dir = supplyProject();
    symlinkSync("supply-agreement.contract", join(dir, "link.md"));
    linkSync(join(dir, "library/standard-terms.contract"), join(dir, "hard.md"));
    mkdirSync(join(dir, "out"));
    symlinkSync("../supply-agreement.contract", join(dir, "out/supply-agreement.md"));
    symlinkSync("supply-agreement.contract", join(dir, "supply-agreement.md"));
    const before = readdirSync(dir, { recursive: true }).sort();
    const { code, stdout, stderr } = covenant(["build", "supply-agreement.contract", ...args], dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(`covenant: cannot write '${shown}': ${why}`);
    expect(stderr).toContain("choose another output path");
    expect(readFileSync(join(dir, "supply-agreement.contract"), "utf8")).toBe(source);
    expect(readFileSync(join(dir, "library/standard-terms.contract"), "utf8")).toBe(library);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
  });

  it.each(["/dev/null", "/dev/stdout"])("refuses -o %s without touching it (a rename would replace the device)", (device) => {
    const dir = supplyProject();
    const before = statSync(device);
    const { code, stderr } = covenant(["build", "supply-agreement.contract", "-o", device], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^covenant: cannot write '${device}': it is a (character device|named pipe|socket), not a regular file\\n$`),
    );
    const after = statSync(device);
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
  });

  it("still writes an output that is not an input, and keeps an existing output's mode", () => {
    const dir = supplyProject();
    writeFileSync(join(dir, "out.md"), "old\n", { mode: 0o600 });
    chmodSync(join(dir, "out.md"), 0o600);
    const { code } = covenant(["build", "supply-agreement.contract", "-o", "out.md"], dir);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "out.md"), "utf8")).toContain("Supply Agreement");
    expect(statSync(join(dir, "out.md")).mode & 0o777).toBe(0o600);
  });
});

describe("fmt --write keeps the file's identity", () => {
  it("writes through a symbolic link: the link stays a link and its target is formatted", () => {
    const dir = project({ "real/terms.contract": messy });
    symlinkSync("real/terms.contract", join(dir, "terms.contract"));
    const { code, stdout } = covenant(["fmt", "--write", "terms.contract"], dir);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe("formatted terms.contract");
    expect(lstatSync(join(dir, "terms.contract")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "terms.contract"))).toBe("real/terms.contract");
    expect(readFileSync(join(dir, "real/terms.contract"), "utf8")).toBe(tidy);
  });

  it("keeps a 0600 file 0600", () => {
    const dir = project({ "secret.contract": messy });
    chmodSync(join(dir, "secret.contract"), 0o600);
    expect(covenant(["fmt", "--write", "secret.contract"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "secret.contract"), "utf8")).toBe(tidy);
    expect(statSync(join(dir, "secret.contract")).mode & 0o7777).toBe(0o600);
  });

  it("keeps hard links one file", () => {
    const dir = project({ "a.contract": messy });
    linkSync(join(dir, "a.contract"), join(dir, "b.contract"));
    const inode = statSync(join(dir, "a.contract")).ino;
    expect(covenant(["fmt", "--write", "a.contract"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "a.contract"), "utf8")).toBe(tidy);
    expect(readFileSync(join(dir, "b.contract"), "utf8")).toBe(tidy);
    expect(statSync(join(dir, "a.contract")).ino).toBe(inode);
    expect(statSync(join(dir, "b.contract")).nlink).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a read-only file (exit 2, unchanged) and still formats the others, as prettier --write", () => {
    const dir = project({ "locked.contract": messy, "open.contract": messy });
    chmodSync(join(dir, "locked.contract"), 0o444);
    const { code, stdout, stderr } = covenant(["fmt", "--write", "."], dir);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("covenant: cannot write 'locked.contract': the file is read-only");
    expect(stdout.trim()).toBe("formatted open.contract");
    expect(readFileSync(join(dir, "locked.contract"), "utf8")).toBe(messy);
    expect(statSync(join(dir, "locked.contract")).mode & 0o777).toBe(0o444);
    expect(readFileSync(join(dir, "open.contract"), "utf8")).toBe(tidy);
  });

  it.runIf(isRoot)("keeps another user's file theirs when run as root", () => {
    const dir = project({ "theirs.contract": messy });
    chownSync(join(dir, "theirs.contract"), 4321, 8765);
    expect(covenant(["fmt", "--write", "theirs.contract"], dir).code).toBe(0);
    const stat = statSync(join(dir, "theirs.contract"));
    expect([stat.uid, stat.gid]).toEqual([4321, 8765]);
    expect(readFileSync(join(dir, "theirs.contract"), "utf8")).toBe(tidy);
  });
});

describe("fmt --write as a user who is not root", () => {
  const asUser = (args: string[], cwd: string): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: "utf8",
      timeout: hangBound,
      uid: 4321,
      gid: 4321,
      env: { ...process.env, NO_COLOR: "1" },
    });
  const sharedProject = (): string => {
    const dir = project({ "shared.contract": messy });
    chmodSync(dir, 0o777);
    return dir;
  };

  it.runIf(isRoot)("refuses a file this user may not write: permission denied, exit 2, unchanged", () => {
    const dir = sharedProject();
    chmodSync(join(dir, "shared.contract"), 0o644);
    const result = asUser(["fmt", "--write", "shared.contract"], dir);
    expect(result.stderr).toBe("covenant: cannot write 'shared.contract': permission denied\n");
    expect(result.status).toBe(2);
    expect(readFileSync(join(dir, "shared.contract"), "utf8")).toBe(messy);
  });

  it.runIf(isRoot)("writes a group-writable file of another owner in place, so its owner stays", () => {
    const dir = sharedProject();
    chownSync(join(dir, "shared.contract"), 1234, 4321);
    chmodSync(join(dir, "shared.contract"), 0o664);
    const inode = statSync(join(dir, "shared.contract")).ino;
    const result = asUser(["fmt", "--write", "shared.contract"], dir);
    expect(result.status).toBe(0);
    const stat = statSync(join(dir, "shared.contract"));
    expect([stat.uid, stat.gid, stat.mode & 0o777, stat.ino]).toEqual([1234, 4321, 0o664, inode]);
    expect(readFileSync(join(dir, "shared.contract"), "utf8")).toBe(tidy);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the atomic writer, over a table of files", () => {
  const modes = [0o600, 0o640, 0o644, 0o664, 0o700, 0o755, 0o4755, 0o200];
  const shapes = ["plain", "symbolic link", "link to a link", "hard link", "dangling link"] as const;

  it.each(shapes.flatMap((shape) => modes.map((mode) => [shape, mode] as const)))(
    "%s, mode %o: text, mode and identity kept",
    (shape, mode) => {
      const dir = project();
      const real = join(dir, "real.contract");
      const named = join(dir, "named.contract");
      if (shape !== "dangling link") writeFileSync(real, "old\n");
      if (shape === "plain") writeFileSync(named, "old\n");
      if (shape === "symbolic link" || shape === "dangling link") symlinkSync("real.contract", named);
      if (shape === "link to a link") {
        symlinkSync("real.contract", join(dir, "middle.contract"));
        symlinkSync("middle.contract", named);
      }
      if (shape === "hard link") linkSync(real, named);
      const file = shape === "plain" ? named : real;
      if (shape !== "dangling link") chmodSync(file, mode);
      const inode = shape === "dangling link" ? undefined : statSync(file).ino;
      writeFilesAtomically([{ path: named, text: "new\n" }]);
      expect(readFileSync(file, "utf8")).toBe("new\n");
      expect(lstatSync(named).isSymbolicLink()).toBe(shape !== "plain" && shape !== "hard link");
      if (shape !== "dangling link") expect(statSync(file).mode & 0o7777).toBe(mode);
      if (shape === "hard link") {
        expect(statSync(file).ino).toBe(inode);
        expect(readFileSync(named, "utf8")).toBe("new\n");
      }
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );

  it.each([
    ["a read-only file", (p: string) => (writeFileSync(p, "old\n"), chmodSync(p, 0o444)), "the file is read-only"],
    ["a file nobody may write", (p: string) => (writeFileSync(p, "old\n"), chmodSync(p, 0o000)), "the file is read-only"],
    ["a named pipe", (p: string) => mkfifo(p), "it is a named pipe, not a regular file"],
    ["a folder", (p: string) => mkdirSync(p), "it is a directory"],
    ["a symbolic link loop", (p: string) => symlinkSync("named.contract", p), "it is a symbolic link that loops"],
  ])("refuses %s and leaves it as it was", (_, make, reason) => {
    const dir = project();
    const named = join(dir, "named.contract");
    make(named);
    const before = lstatSync(named);
    expect(() => writeFilesAtomically([{ path: named, text: "new\n" }])).toThrow(new WriteError(`cannot write '${named}': ${reason}`));
    const after = lstatSync(named);
    expect([after.ino, after.mode, after.size]).toEqual([before.ino, before.mode, before.size]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes all files or none: a refused one stops the others before any is replaced", () => {
    const dir = project({ "a.contract": "old a\n", "b.contract": "old b\n" });
    chmodSync(join(dir, "b.contract"), 0o444);
    expect(() =>
      writeFilesAtomically([
        { path: join(dir, "a.contract"), text: "new a\n" },
        { path: join(dir, "b.contract"), text: "new b\n" },
      ]),
    ).toThrow(WriteError);
    expect(readFileSync(join(dir, "a.contract"), "utf8")).toBe("old a\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("only regular files are read, and never without limit", () => {
  const cases: [string, (dir: string) => string, number, object][] = [
    ["a regular file", (d) => (writeFileSync(join(d, "f"), "text"), join(d, "f")), 100, { kind: "file", text: "text" }],
    ["a file of exactly the limit", (d) => (writeFileSync(join(d, "f"), "1234"), join(d, "f")), 4, { kind: "file", text: "1234" }],
    ["a file over the limit", (d) => (writeFileSync(join(d, "f"), "12345"), join(d, "f")), 4, { kind: "unreadable" }],
    [
      "a sparse file of 200 MB",
      (d) => (writeFileSync(join(d, "f"), ""), truncateSync(join(d, "f"), 200 * 1024 * 1024), join(d, "f")),
      1024,
      { kind: "unreadable" },
    ],
    ["a file whose stat size is 0 but which has more (/proc)", () => "/proc/self/status", 10, { kind: "unreadable" }],
    ["a named pipe no one writes to", (d) => (mkfifo(join(d, "p")), join(d, "p")), 100, { kind: "special", what: "a named pipe" }],
    ["/dev/zero", () => "/dev/zero", 100, { kind: "special", what: "a character device" }],
    [
      "a symbolic link to /dev/zero",
      (d) => (symlinkSync("/dev/zero", join(d, "z")), join(d, "z")),
      100,
      { kind: "special", what: "a character device" },
    ],
    ["a folder", (d) => d, 100, { kind: "directory" }],
    ["a missing file", (d) => join(d, "missing"), 100, { kind: "missing" }],
    [
      "a symbolic link loop",
      (d) => (symlinkSync("l", join(d, "l")), join(d, "l")),
      100,
      { kind: "unreadable", reason: "it is a symbolic link that loops" },
    ],
  ];

  // One reader (@covenant/node-files) serves the CLI and the language server alike.
  it.each(cases)("the reader of the CLI and the server reads %s as expected", (_, make, limit, expected) => {
    const path = make(mkdtempSync(join(tmpdir(), "covenant-read-")));
    const read = readRegularFile(path, limit);
    expect(read).toMatchObject(expected);
    if (read.kind === "unreadable" && !("reason" in expected)) expect(read.reason).toContain("larger than");
  });

  const fifoProject = (): string => {
    const dir = project({ "main.contract": 'import "pipe.contract"\n', "zero.contract": 'import "zero-link.contract"\n' });
    mkfifo(join(dir, "pipe.contract"));
    symlinkSync("/dev/zero", join(dir, "zero-link.contract"));
    mkfifo(join(dir, "facts.json"));
    writeFileSync(join(dir, "big.contract"), "");
    truncateSync(join(dir, "big.contract"), 65 * 1024 * 1024);
    writeFileSync(join(dir, "imports-big.contract"), 'import "big.contract"\n');
    return dir;
  };

  it("check reports an import larger than the limit at the import (CV204), reading no more than the limit", () => {
    const { code, signal, stdout } = covenant(["check", "imports-big.contract"], fifoProject());
    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(stdout).toContain(
      "imports-big.contract:1:8 error CV204 'big.contract' cannot be read: it is larger than 64 MB, the most Covenant reads",
    );
  });

  it("check reports an import of a named pipe (CV207) instead of hanging", () => {
    const { code, signal, stdout } = covenant(["check", "main.contract"], fifoProject());
    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(stdout).toContain("main.contract:1:8 error CV207 'pipe.contract' is a named pipe, not a file; import a .contract file");
  });

  it("check reports an import of /dev/zero by a path inside the root (CV207) and through a link (CV206), reading nothing", () => {
    const dir = fifoProject();
    const byLink = covenant(["check", "zero.contract"], dir);
    expect(byLink.signal).toBeNull();
    expect(byLink.code).toBe(1);
    expect(byLink.stdout).toContain("zero.contract:1:8 error CV206 'zero-link.contract' is a symbolic link that leads outside the project");
    const up = "../".repeat(dir.split("/").length);
    writeFileSync(join(dir, "device.contract"), `import "${up}dev/zero"\n`);
    const byPath = covenant(["check", "--root", "/", "device.contract"], dir);
    expect(byPath.signal).toBeNull();
    expect(byPath.code).toBe(1);
    expect(byPath.stdout).toContain(
      "device.contract:1:8 error CV207 'dev/zero' is a character device, not a file; import a .contract file",
    );
  });

  it.each([
    ["check", ["check", "pipe.contract"], "cannot read 'pipe.contract': it is a named pipe, not a regular file"],
    ["check", ["check", "/dev/zero"], "cannot read '/dev/zero': it is a character device, not a regular file"],
    ["check", ["check", "zero-link.contract"], "cannot read 'zero-link.contract': it is a character device, not a regular file"],
    ["build", ["build", "pipe.contract"], "cannot read 'pipe.contract': it is a named pipe, not a regular file"],
    ["fmt", ["fmt", "/dev/zero"], "cannot read '/dev/zero': it is a character device, not a regular file"],
    ["fmt", ["fmt", "--write", "pipe.contract"], "cannot read 'pipe.contract': it is a named pipe, not a regular file"],
    ["diff", ["diff", "pipe.contract", "/dev/zero"], "cannot read 'pipe.contract': it is a named pipe, not a regular file"],
    ["diff --terms", ["diff", "--terms", "/dev/zero"], "cannot read '/dev/zero': it is a character device, not a regular file"],
    ["eval", ["eval", "pipe.contract", "--facts", "facts.json"], "cannot read 'pipe.contract': it is a named pipe, not a regular file"],
    // A root larger than the limit was checked as empty: "no problems", exit 0.
    ["check", ["check", "big.contract"], "cannot read 'big.contract': it is larger than 64 MB, the most Covenant reads"],
    ["build", ["build", "big.contract"], "cannot read 'big.contract': it is larger than 64 MB, the most Covenant reads"],
    ["fmt", ["fmt", "big.contract"], "cannot read 'big.contract': it is larger than 64 MB, the most Covenant reads"],
    ["diff", ["diff", "big.contract", "big.contract"], "cannot read 'big.contract': it is larger than 64 MB, the most Covenant reads"],
    [
      "eval",
      ["eval", "big.contract", "--facts", "facts.json"],
      "cannot read 'big.contract': it is larger than 64 MB, the most Covenant reads",
    ],
  ])("%s refuses a pipe, a device or a file over the limit given as an argument: exit 2, at once", (_, args, message) => {
    const { code, signal, stderr } = covenant(args, fifoProject());
    expect(signal).toBeNull();
    expect(stderr.trim()).toBe(`covenant: ${message}`);
    expect(code).toBe(2);
  });

  it.each([
    ["a named pipe", "facts.json", "it is a named pipe, not a regular file"],
    ["/dev/zero", "/dev/zero", "it is a character device, not a regular file"],
    ["a 108 MB file", "big.json", "it is larger than 16 MB, the most Covenant reads"],
  ])("eval refuses %s as facts: exit 2, at once", (_, facts, reason) => {
    const dir = fifoProject();
    cpSync(join(repo, "examples/supply-agreement.contract"), join(dir, "supply-agreement.contract"));
    cpSync(join(repo, "examples/library"), join(dir, "library"), { recursive: true });
    writeFileSync(join(dir, "big.json"), "");
    truncateSync(join(dir, "big.json"), 108 * 1024 * 1024);
    const { code, signal, stderr } = covenant(["eval", "supply-agreement.contract", "--facts", facts], dir);
    expect(signal).toBeNull();
    expect(stderr.trim()).toBe(`covenant: cannot read '${facts}': ${reason}`);
    expect(code).toBe(2);
  });
});

describe("eval facts from the field reports", () => {
  it.each([
    [
      "the 37-byte file with 1e999999999",
      '{"volumes":{"airbag":"1e999999999"}}\n',
      "facts.json:1:22 error 'volumes.airbag' is out of range",
    ],
    [
      "200,000 nested arrays",
      `{"volumes":${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
      "facts.json:1:75 error The facts nest deeper than 64 levels",
    ],
    [
      "a duplicate key",
      '{\n  "volumes": {\n    "airbag": 100,\n    "airbag": 200000\n  }\n}\n',
      "facts.json:4:5 error 'volumes.airbag' is given twice (first at line 3, column 5)",
    ],
  ])("refuses %s with its position, exit 2, at once", (_, text, line) => {
    const dir = supplyProject();
    writeFileSync(join(dir, "facts.json"), text);
    const { code, signal, stdout, stderr } = covenant(["eval", "supply-agreement.contract", "--facts", "facts.json"], dir);
    expect(signal).toBeNull();
    expect(stdout).toBe("");
    expect(stderr).toContain(line);
    expect(stderr).toContain("1 problem in the facts");
    expect(code).toBe(2);
  });
});

describe("the language server is not blocked by a pipe", () => {
  it("publishes CV207 promptly for an open document that imports a named pipe, and still answers", async () => {
    const dir = project({ "main.contract": 'import "pipe.contract"\nimport "zero.contract"\n' });
    mkfifo(join(dir, "pipe.contract"));
    symlinkSync("/dev/zero", join(dir, "zero.contract"));
    const child = spawn(process.execPath, [join(repo, "packages/language-server/dist/server.cjs"), "--stdio"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
          if (params.diagnostics.length > 0) resolve(params);
        }),
      );
      connection.onRequest("client/registerCapability", () => null);
      connection.listen();
      const root = pathToFileURL(dir).toString();
      await connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: "p" }],
        capabilities: {},
      });
      await connection.sendNotification("initialized", {});
      const uri = pathToFileURL(join(dir, "main.contract")).toString();
      await connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri, languageId: "covenant", version: 1, text: readFileSync(join(dir, "main.contract"), "utf8") },
      });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no diagnostics: the server hangs")), hangBound));
      const params = await Promise.race([published, timeout]);
      expect(params.uri).toBe(uri);
      expect(params.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)} ${d.message}`)).toEqual([
        "1 CV207 'pipe.contract' is a named pipe, not a file; import a .contract file",
        "2 CV206 'zero.contract' is a symbolic link that leads outside the project (" + dir + "); clause libraries must live inside it",
      ]);
      const symbols = await Promise.race([connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } }), timeout]);
      expect(symbols).toEqual([]);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
