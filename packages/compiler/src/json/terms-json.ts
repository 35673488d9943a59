import type { CheckedDocument } from "@covenant/core";
import { jsonInert } from "../render/inert.js";
import { canonicalTerms } from "./canonical.js";
import { contentHash, sortKeys } from "./stable-json.js";

/** The `format` of the JSON output; bumped when the shape of the terms changes. */
export const termsFormat = "covenant-terms/1";

export interface JsonOptions {
  readonly withLocations?: boolean;
}

/**
 * The JSON output: `{ format, hash, terms }`, keys sorted, two-space indent. `hash` is the SHA-256
 * of the canonical terms without locations, so two files that differ only in layout, comments or
 * the order of fields have the same hash, with or without `--with-locations`. Characters that act
 * on a terminal are written as `\uXXXX` escapes; the parsed terms, and so the hash, are unchanged.
 */
export function renderJson(checked: CheckedDocument, options: JsonOptions = {}): string {
  const terms = sortKeys(canonicalTerms(checked, { withLocations: options.withLocations ?? false }));
  const hash = contentHash(options.withLocations ? canonicalTerms(checked) : terms);
  return jsonInert(JSON.stringify({ format: termsFormat, hash, terms }, null, 2)) + "\n";
}
