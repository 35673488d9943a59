import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyChanges, trackedChanges, trackedParagraphMarks } from "./word-changes.js";

/**
 * `covenant diff --prose OLD NEW --to docx`: the redline as a Word document with tracked changes,
 * read back from its XML and by LibreOffice. For the two example pairs: the tracked insertions
 * and deletions are exactly the changed phrases of the HTML redline (clause numbers aside: those
 * are Word's own numbering); accepting all changes gives the new version's text and rejecting all
 * the old one's, both from the XML and in LibreOffice (Python-UNO `.uno:AcceptAllTrackedChanges` /
 * `.uno:RejectAllTrackedChanges`), compared with LibreOffice's text of the two build documents.
 * CI installs libreoffice-writer-nogui and python3-uno (.ci/run); there a missing tool fails the
 * LibreOffice tests, elsewhere they are skipped and say why.
 */

const repo = join(import.meta.dirname, "../../..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const work = mkdtempSync(join(tmpdir(), "covenant-redline-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function covenant(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 << 20,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

const pairs = {
  "supply-agreement": ["examples/supply-agreement.contract", "test/review/supply-agreement.v2.contract"],
  "preferred-supplier": ["examples/preferred-supplier.contract", "test/review/preferred-supplier.v2.contract"],
} as const;
type Example = keyof typeof pairs;
const revision = ["--author", "Counsel for the Buyer", "--date", "2026-05-01T09:30:00Z"];

function documentXml(docx: string): string {
  return strFromU8(unzipSync(readFileSync(docx))["word/document.xml"]!);
}

/** Writes the redline and the two build documents of an example pair; returns their paths. */
function writeDocuments(name: Example, extra: readonly string[] = [], suffix = ""): { redline: string; old: string; new: string } {
  const [before, after] = pairs[name];
  const paths = {
    redline: join(work, `${name}${suffix}.redline.docx`),
    old: join(work, `${name}.old.docx`),
    new: join(work, `${name}.new.docx`),
  };
  for (const [args, out] of [
    [["diff", "--prose", "--to", "docx", ...revision, ...extra, before, after], paths.redline],
    [["build", before, "--to", "docx"], paths.old],
    [["build", after, "--to", "docx"], paths.new],
  ] as const) {
    const result = covenant([...args, "-o", out]);
    expect(result.code, result.stderr).toBe(0);
  }
  return paths;
}

const flat = (text: string): string => text.replace(/\s+/g, " ").trim();
const unescapeHtml = (text: string): string =>
  text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!);

/**
 * The changed phrases of the HTML redline, in order: the text of each `<ins>` or `<del>`, with clause
 * numbers and item labels left out (Word numbers clauses itself, so a renumbered clause is no change there).
 */
function htmlPhrases(html: string, kind: "ins" | "del"): string {
  const body = html.slice(html.indexOf("<main>")).replace(/<p class="redline-note">.*?<\/p>/, "");
  const phrases = [...body.matchAll(new RegExp(`<${kind}>(.*?)</${kind}>`, "gs"))].map((m) =>
    flat(unescapeHtml(m[1]!.replace(/<span class="(number|label)">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, ""))),
  );
  return flat(phrases.filter((p) => p !== "").join(" "));
}

describe("the Word redline's tracked changes (read from word/document.xml)", () => {
  for (const name of Object.keys(pairs) as Example[]) {
    it(`${name}: w:ins and w:del hold exactly the changed phrases of the redline, with author and date`, () => {
      const paths = writeDocuments(name);
      const xml = documentXml(paths.redline);
      const html = covenant(["diff", "--prose", "--to", "html", ...pairs[name]]).stdout.toString("utf8");
      const changes = trackedChanges(xml);
      expect(changes.length).toBeGreaterThan(4);
      for (const kind of ["ins", "del"] as const) {
        const word = flat(
          changes
            .filter((c) => c.kind === kind)
            .map((c) => c.text)
            .join(" "),
        );
        expect(word).toBe(htmlPhrases(html, kind));
      }
      expect(new Set(changes.map((c) => `${c.author} @ ${c.date}`))).toEqual(new Set(["Counsel for the Buyer @ 2026-05-01T09:30:00Z"]));
      // Revision ids are unique in the document.
      const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it(`${name}: accepting all changes gives the new version's paragraphs, rejecting all the old version's`, () => {
      const paths = writeDocuments(name);
      const xml = documentXml(paths.redline);
      expect(applyChanges(xml, "accept")).toEqual(applyChanges(documentXml(paths.new), "accept"));
      expect(applyChanges(xml, "reject")).toEqual(applyChanges(documentXml(paths.old), "accept"));
    });
  }

  it("a clause added is one inserted paragraph, mark and all; one removed is one deleted paragraph; clause numbers stay Word's own", () => {
    const xml = documentXml(writeDocuments("preferred-supplier").redline);
    const paragraphs = [...xml.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/gs)].map((m) => m[0]);
    const removed = paragraphs.filter((p) => p.includes("Most favoured customer") && p.includes("Prismatic Cell Housing"));
    expect(removed).toHaveLength(1);
    // Every run of the removed clause is deleted text, its paragraph mark too, and its number is still a list number.
    expect(removed[0]).not.toContain("<w:t ");
    expect(removed[0]).toMatch(/<w:rPr><w:del w:id="\d+" w:author="Counsel for the Buyer" w:date="2026-05-01T09:30:00Z"\/>/);
    expect(removed[0]).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(trackedParagraphMarks(xml, "del")).toBeGreaterThanOrEqual(2);
    // No clause number is typed as text anywhere: Word numbers the paragraphs.
    for (const mode of ["accept", "reject"] as const) expect(applyChanges(xml, mode).filter((p) => /^[\d.]+\t/.test(p))).toEqual([]);
    const supply = documentXml(writeDocuments("supply-agreement").redline);
    const added = [...supply.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/gs)]
      .map((m) => m[0])
      .filter((p) => p.includes("undergoes a change of control"));
    expect(added).toHaveLength(1);
    // Its text is all inside insertions.
    expect(added[0]!.replace(/<w:ins [^>]*[^/]>.*?<\/w:ins>/gs, "")).not.toContain("<w:t ");
    expect(added[0]).toMatch(/<w:rPr><w:ins w:id="\d+"[^>]*\/><\/w:rPr>/);
  });

  it("a changed table cell is tracked inside the cell, the row kept", () => {
    const xml = documentXml(writeDocuments("supply-agreement").redline);
    const row = [...xml.matchAll(/<w:tr\b[^>]*>.*?<\/w:tr>/gs)].map((m) => m[0]).find((r) => r.includes("10,000 to 49,999"))!;
    expect(row).not.toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:(ins|del) /s);
    expect(trackedChanges(row).map((c) => [c.kind, c.text])).toEqual([
      ["del", "171.50"],
      ["ins", "170.00"],
    ]);
  });

  it("is the same bytes for the same versions, author and date", () => {
    writeDocuments("supply-agreement", [], ".a");
    writeDocuments("supply-agreement", [], ".b");
    expect(
      readFileSync(join(work, "supply-agreement.a.redline.docx")).equals(readFileSync(join(work, "supply-agreement.b.redline.docx"))),
    ).toBe(true);
  });
});

describe("covenant diff --prose --to docx on the command line", () => {
  const [before, after] = pairs["supply-agreement"];

  it("takes the author from git's user.name, else Covenant, and a date given as a day at midnight UTC", () => {
    const config = join(work, "gitconfig");
    writeFileSync(config, "[user]\n\tname = Ada Lovelace\n");
    const env = { GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: "1", HOME: work };
    const out = join(work, "git-author.docx");
    expect(
      covenant(["diff", "--prose", "--to", "docx", "--date", "2026-05-01", join(repo, before), join(repo, after), "-o", out], {
        cwd: work,
        env,
      }).code,
    ).toBe(0);
    expect(new Set(trackedChanges(documentXml(out)).map((c) => `${c.author} @ ${c.date}`))).toEqual(
      new Set(["Ada Lovelace @ 2026-05-01T00:00:00Z"]),
    );
    writeFileSync(config, "");
    expect(
      covenant(["diff", "--prose", "--to", "docx", "--date", "2026-05-01", join(repo, before), join(repo, after), "-o", out], {
        cwd: work,
        env,
      }).code,
    ).toBe(0);
    expect(new Set(trackedChanges(documentXml(out)).map((c) => c.author))).toEqual(new Set(["Covenant"]));
  });

  it("keeps an author's name inert: markup in it is text in the attribute", () => {
    const out = join(work, "hostile-author.docx");
    const author = `<w:p>&"'<evil/>`;
    expect(covenant(["diff", "--prose", "--to", "docx", "--author", author, before, after, "-o", out]).code).toBe(0);
    const xml = documentXml(out);
    expect(xml).not.toContain("<evil/>");
    expect(new Set(trackedChanges(xml).map((c) => c.author))).toEqual(new Set([author]));
  });

  it("writes the Word document to a pipe, and refuses a terminal-less stdout only when it is a terminal", () => {
    const result = covenant(["diff", "--prose", "--to", "docx", before, after]);
    expect(result.code).toBe(0);
    expect(result.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("exits 2 with one line for misused options and a bad date, writing nothing", () => {
    const out = join(work, "never.docx");
    for (const [args, message] of [
      [["--to", "docx", "--date", "2026-02-31"], "--date '2026-02-31' is not an ISO 8601 date"],
      [["--to", "docx", "--date", "yesterday"], "--date 'yesterday' is not an ISO 8601 date"],
      [["--author", "A"], "--author marks the tracked changes of a Word redline; add --to docx"],
    ] as const) {
      const result = covenant(["diff", "--prose", ...args, before, after, "-o", out]);
      expect(result.code).toBe(2);
      expect(result.stderr.startsWith(`covenant: ${message}`)).toBe(true);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
    const changedOnly = covenant(["diff", "--changed-only", before, after]);
    expect(changedOnly.code).toBe(2);
    expect(changedOnly.stderr).toBe("covenant: --changed-only belongs to the prose redline; add --prose\n");
  });

  it("never writes over an input, and an unwritable path is exit 2 with one line", () => {
    const text = readFileSync(join(repo, after), "utf8");
    const onto = covenant(["diff", "--prose", "--to", "docx", before, after, "-o", after]);
    expect(onto.code).toBe(2);
    expect(onto.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(repo, after), "utf8")).toBe(text);
    const nowhere = covenant(["diff", "--prose", "--to", "docx", before, after, "-o", join(work, "missing-folder", "x.docx")]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("takes --reference-docx and --paper as build does: the redline's styles and page are the build document's", () => {
    const reference = join(work, "reference.docx");
    expect(covenant(["build", "examples/joint-development.contract", "--to", "docx", "--paper", "letter", "-o", reference]).code).toBe(0);
    const redline = join(work, "referenced.redline.docx");
    const build = join(work, "referenced.build.docx");
    const options = ["--reference-docx", reference, "--paper", "letter"];
    expect(covenant(["diff", "--prose", "--to", "docx", ...options, before, after, "-o", redline]).code).toBe(0);
    expect(covenant(["build", after, "--to", "docx", ...options, "-o", build]).code).toBe(0);
    const part = (file: string, name: string): string => strFromU8(unzipSync(readFileSync(file))[name]!);
    expect(part(redline, "word/styles.xml")).toBe(part(build, "word/styles.xml"));
    expect(/<w:sectPr\b.*<\/w:sectPr>/s.exec(documentXml(redline))?.[0]).toBe(/<w:sectPr\b.*<\/w:sectPr>/s.exec(documentXml(build))?.[0]);
    const notWord = join(work, "not-word.docx");
    writeFileSync(notWord, "plain text");
    const bad = covenant(["diff", "--prose", "--to", "docx", "--reference-docx", notWord, before, after, "-o", redline]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^covenant: cannot use --reference-docx '.*not-word\.docx': .+\n$/);
    expect(covenant(["diff", "--prose", "--paper", "letter", before, after]).stderr).toBe(
      "covenant: --paper sets up the Word redline; add --to docx\n",
    );
  });

  it("writes nothing for a contract with errors (exit 2, as every diff of contracts that do not check)", () => {
    const out = join(work, "broken.docx");
    const result = covenant(["diff", "--prose", "--to", "docx", "test/fixtures/cli/broken.contract", after, "-o", out]);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

/** The numbers of the clauses and sub-clauses a changed-clauses view shows, in the new version's numbering. */
const changedNumbers: Record<Example, readonly string[]> = {
  "supply-agreement": ["2.", "2.1", "5.", "5.1", "5.2", "6.", "6.1", "8.", "8.2", "11.", "11.1", "11.2", "12.", "12.3", "12.4", "12.5"],
  "preferred-supplier": ["5.", "5.1", "5.2", "7.", "7.1", "8.", "8.2", "9.", "9.1", "11.", "11.4", "11.5"],
};
const titles: Record<Example, string> = {
  "supply-agreement": "Interior Safety Systems Supply Agreement",
  "preferred-supplier": "Battery Enclosure Components Preferred Supplier Agreement",
};

describe("--changed-only: the changed clauses with their numbers and headings, under the title", () => {
  for (const name of Object.keys(pairs) as Example[]) {
    it(`${name}: Markdown`, () => {
      const text = covenant(["diff", "--prose", "--changed-only", ...pairs[name]]).stdout.toString("utf8");
      expect(text).toContain(`# ${titles[name]}\n`);
      const numbers = [...text.matchAll(/^(?:## (\d+\.)|(?:~~\*\*[\d.]+[^~]*~~ )?\*\*(\d+\.\d+))/gm)].map((m) => m[1] ?? m[2]);
      // A clause removed whole shows struck, with its old number; every other number is the new version's.
      const removed = [...text.matchAll(/^~~\*\*(\d+\.\d+)(?:(?!~~ \*\*).)*$/gm)].map((m) => m[1]);
      expect(numbers.filter((n) => !removed.includes(n) || changedNumbers[name].includes(n!))).toEqual(changedNumbers[name]);
    });

    it(`${name}: HTML`, () => {
      const html = covenant(["diff", "--prose", "--changed-only", "--to", "html", ...pairs[name]]).stdout.toString("utf8");
      expect(html).toContain(`<h1>${titles[name]}</h1>`);
      const numbers = [...html.matchAll(/^(?:<h2>|<div class="subclause"[^>]*>(?:<ins>)?)<span class="number">([\d.]+)<\/span>/gm)].map(
        (m) => m[1],
      );
      expect(numbers).toEqual(changedNumbers[name]);
      expect(html).toMatch(/<\/main>\n<\/body>\n<\/html>\n$/);
    });

    it(`${name}: Word (numbers written out, accepted and rejected from the XML)`, () => {
      const xml = documentXml(writeDocuments(name, ["--changed-only"], ".changed").redline);
      const accepted = applyChanges(xml, "accept");
      expect(accepted[0]).toBe(titles[name]);
      const numbers = accepted.map((p) => /^([\d.]+)\t/.exec(p)?.[1]).filter((n) => n !== undefined);
      expect(numbers).toEqual(changedNumbers[name]);
      // Rejecting shows the old numbers and the removed clauses; every shown paragraph is one of a version's.
      const rejected = applyChanges(xml, "reject");
      expect(rejected[0]).toBe(titles[name]);
      expect(rejected.length).toBeLessThan(applyChanges(documentXml(join(work, `${name}.old.docx`)), "accept").length);
    });
  }
});

/** A Python with LibreOffice's UNO bridge: Debian's python3-uno installs it for /usr/bin/python3. */
function unoPython(): string | undefined {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const found = spawnSync(python, ["-c", "import uno"], { encoding: "utf8" });
    if (found.status === 0) return python;
  }
  return undefined;
}
const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).status === 0;
const python = unoPython();
const missing = [soffice ? undefined : "soffice", python ? undefined : "python3-uno"].filter(Boolean);
const reason = `${missing.join(" and ")} not installed (apt-get install libreoffice-writer-nogui python3-uno)`;
const inCi = Boolean(process.env["CI"]);

describe.skipIf(missing.length > 0 && !inCi)(
  `LibreOffice accepts and rejects the tracked changes${missing.length > 0 ? ` (skipped: ${reason})` : ""}`,
  () => {
    const texts = new Map<string, string>();
    beforeAll(() => {
      if (missing.length > 0) throw new Error(`LibreOffice tests need ${reason}`);
      const names = Object.keys(pairs) as Example[];
      for (const name of names) writeDocuments(name);
      const profile = mkdtempSync(join(tmpdir(), "lo-"));
      try {
        // The build documents as LibreOffice's plain text (soffice --convert-to txt:Text).
        const convert = spawnSync(
          "soffice",
          [
            `-env:UserInstallation=file://${profile}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "txt:Text",
            "--outdir",
            work,
            ...names.flatMap((n) => [join(work, `${n}.old.docx`), join(work, `${n}.new.docx`)]),
          ],
          { encoding: "utf8", timeout: 300_000 },
        );
        // The redlines with all changes accepted, and with all rejected, saved as text by LibreOffice itself.
        const jobs = names.flatMap((n) => [
          `accept:${join(work, `${n}.redline.docx`)}:${join(work, `${n}.accepted.txt`)}`,
          `reject:${join(work, `${n}.redline.docx`)}:${join(work, `${n}.rejected.txt`)}`,
        ]);
        const apply = spawnSync(python!, [join(repo, "test/tools/libreoffice-changes.py"), profile, ...jobs], {
          encoding: "utf8",
          timeout: 300_000,
        });
        for (const name of names) {
          for (const kind of ["old", "new", "accepted", "rejected"]) {
            const file = join(work, `${name}.${kind}.txt`);
            if (!existsSync(file)) throw new Error(`LibreOffice wrote no ${name}.${kind}.txt:\n${convert.stderr}\n${apply.stderr}`);
            texts.set(`${name}.${kind}`, flat(readFileSync(file, "utf8").replace(/^\uFEFF/, "")));
          }
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }, 300_000);

    for (const name of Object.keys(pairs) as Example[]) {
      it(`${name}: accept all = the new version's text, reject all = the old version's`, () => {
        expect(texts.get(`${name}.new`)).not.toBe(texts.get(`${name}.old`));
        expect(texts.get(`${name}.accepted`)).toBe(texts.get(`${name}.new`));
        expect(texts.get(`${name}.rejected`)).toBe(texts.get(`${name}.old`));
      });
    }
  },
);
