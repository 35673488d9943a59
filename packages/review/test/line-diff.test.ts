import { applyPatch } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderLineDiff } from "../src/index.js";

const names = { old: "a/x.contract", new: "b/x.contract" };

describe("line diff for versions that are not read as terms", () => {
  it("prints git's unified format with three lines of context", () => {
    const before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    const after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    expect(renderLineDiff(before, after, names)).toBe(
      "--- a/x.contract\n+++ b/x.contract\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
    );
  });

  it("numbers an empty side from line 0, as git does", () => {
    expect(renderLineDiff("", "one\n", { old: "/dev/null", new: "b/x" })).toBe("--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+one\n");
    expect(renderLineDiff("one\ntwo\n", "", { old: "a/x", new: "/dev/null" })).toBe(
      "--- a/x\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-one\n-two\n",
    );
  });

  it("marks a last line without a newline", () => {
    expect(renderLineDiff("one", "one\n", names)).toBe(
      "--- a/x.contract\n+++ b/x.contract\n@@ -1 +1 @@\n-one\n\\ No newline at end of file\n+one\n",
    );
  });

  it("prints nothing for equal texts", () => {
    expect(renderLineDiff("same\n", "same\n", names)).toBe("");
  });

  it("shows texts too different to align as one hunk, old lines out and new lines in", () => {
    const before = Array.from({ length: 30_000 }, (_, i) => `old ${i}`).join("\n") + "\n";
    const after = Array.from({ length: 30_000 }, (_, i) => `new ${i}`).join("\n") + "\n";
    const patch = renderLineDiff(before, after, names);
    expect(patch.split("\n").slice(0, 4)).toEqual(["--- a/x.contract", "+++ b/x.contract", "@@ -1,30000 +1,30000 @@", "-old 0"]);
    expect(applyPatch(before, patch)).toBe(after);
  });

  it("is a patch that turns the old text into the new one (property)", () => {
    const line = fc.constantFrom("a", "b", "c", "", "tier 1 .. 9: USD 1", "}");
    const text = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean()).map(([lines, newline]) => {
      const joined = lines.join("\n");
      return newline && joined !== "" ? `${joined}\n` : joined;
    });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const patch = renderLineDiff(before, after, names);
        expect(patch === "").toBe(before === after);
        if (patch !== "") expect(applyPatch(before, patch)).toBe(after);
      }),
      { seed: 1010, numRuns: 500 },
    );
  });
});
