import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The typesetter or a font it needs cannot be loaded on this machine (a platform without a build, a broken install). */
export class PdfEngineUnavailable extends Error {}

/**
 * The fonts the PDF is set in. Each is a full TrueType file from a font package that
 * `@covenant/compiler` depends on, so `pnpm install` brings every font and nothing is looked up on
 * the user's machine. Latin text is set in Source Serif 4; Japanese and Chinese faces (Noto Serif
 * JP, Noto Serif SC: 8 and 15 MB a weight) are read only when the document's language or its text
 * needs them, so an English contract never pays for them.
 */
export interface FontFace {
  /** The family name Typst selects the face by. */
  readonly family: string;
  /** The font package and the files of the regular and bold weights inside it. */
  readonly pkg: string;
  readonly files: readonly string[];
}

const latinFace: FontFace = {
  family: "Source Serif 4",
  pkg: "@expo-google-fonts/source-serif-4",
  files: ["400Regular/SourceSerif4_400Regular.ttf", "700Bold/SourceSerif4_700Bold.ttf"],
};

const japaneseFace: FontFace = {
  family: "Noto Serif JP",
  pkg: "@expo-google-fonts/noto-serif-jp",
  files: ["400Regular/NotoSerifJP_400Regular.ttf", "700Bold/NotoSerifJP_700Bold.ttf"],
};

const chineseFace: FontFace = {
  family: "Noto Serif SC",
  pkg: "@expo-google-fonts/noto-serif-sc",
  files: ["400Regular/NotoSerifSC_400Regular.ttf", "700Bold/NotoSerifSC_700Bold.ttf"],
};

/**
 * Typst's own faces (compiled into the engine), listed after ours so a character none of ours has
 * (a rare symbol, U+FFFD) is found in a face every installation has rather than in whatever system
 * fonts the machine happens to have.
 */
const engineFaces = ["Libertinus Serif", "New Computer Modern", "DejaVu Sans Mono"];

const kana = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff65]|[\u{20000}-\u{2fa1f}]/u;

/**
 * The faces a document needs, first choice first: Latin always; Japanese when the language is
 * Japanese or the text has kana; Chinese when the language is Chinese or the text has Han
 * characters (in a Japanese document too, after the Japanese face: a Simplified character such as
 * 车 is not in it). The language's own face comes first, so shared characters take its forms. A face
 * loaded but not used is not embedded.
 */
export function facesFor(language: string, text: string): FontFace[] {
  const primary = language.toLowerCase().split("-")[0];
  const japanese = primary === "ja" || kana.test(text);
  const chinese = primary === "zh" || han.test(text);
  const cjk: FontFace[] = [];
  if (primary === "zh") cjk.push(chineseFace);
  if (japanese) cjk.push(japaneseFace);
  if (chinese && primary !== "zh") cjk.push(chineseFace);
  return [latinFace, ...cjk];
}

/** The family names to give Typst's `text(font: …)`: the faces, then the engine's own as a last resort. */
export function familyList(faces: readonly FontFace[]): string[] {
  return [...faces.map((f) => f.family), ...engineFaces];
}

const fontCache = new Map<FontFace, Buffer[]>();

/**
 * `require` for the packages the PDF needs, resolved from where this code runs. In an ES module
 * (the package, the CLI's bundle) that is `import.meta.url`; the language server's CommonJS bundle
 * has no `import.meta` but its own `require`. Called only when a PDF is made.
 */
export function packageRequire(): NodeJS.Require {
  return import.meta.url ? createRequire(import.meta.url) : require;
}

/** The font files of a face, read once per process. */
export function fontFiles(face: FontFace): Buffer[] {
  let files = fontCache.get(face);
  if (!files) {
    try {
      const folder = dirname(packageRequire().resolve(`${face.pkg}/package.json`));
      files = face.files.map((file) => readFileSync(join(folder, file)));
    } catch (error) {
      throw new PdfEngineUnavailable(`cannot read the ${face.family} font (${face.pkg}): ${(error as Error).message.split("\n")[0]}`);
    }
    fontCache.set(face, files);
  }
  return files;
}
