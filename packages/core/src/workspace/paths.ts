/**
 * POSIX path arithmetic for document paths. The core does no I/O and stays platform-neutral:
 * hosts hand it absolute paths with forward slashes.
 */

/** Resolves `.` and `..` segments and repeated slashes. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else if (!absolute) parts.push("..");
    } else parts.push(part);
  }
  return (absolute ? "/" : "") + parts.join("/");
}

/** The directory part of a path. */
export function dirname(path: string): string {
  const index = path.lastIndexOf("/");
  if (index < 0) return ".";
  return index === 0 ? "/" : path.slice(0, index);
}

/** Resolves an import specifier against the importing file. */
export function resolveImport(fromFile: string, specifier: string): string {
  return normalizePath(specifier.startsWith("/") ? specifier : `${dirname(fromFile)}/${specifier}`);
}

/** True when `path` is `root` or lies below it. */
export function isInside(root: string, path: string): boolean {
  const r = normalizePath(root);
  const p = normalizePath(path);
  return p === r || p.startsWith(r.endsWith("/") ? r : `${r}/`);
}

/** `path` relative to `from` (a directory), for messages. */
export function relativePath(from: string, path: string): string {
  const a = normalizePath(from).split("/").filter(Boolean);
  const b = normalizePath(path).split("/").filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => "..");
  return [...up, ...b.slice(i)].join("/") || ".";
}
