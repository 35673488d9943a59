/**
 * Cursor markers for feature tests, as Langium writes them: `licensor: sup<|>` is the text
 * `licensor: sup` with the cursor at its end. Several markers give several offsets, in order.
 */
export const marker = "<|>";

export function parseMarkers(source: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = "";
  let rest = source;
  for (let at = rest.indexOf(marker); at >= 0; at = rest.indexOf(marker)) {
    text += rest.slice(0, at);
    offsets.push(text.length);
    rest = rest.slice(at + marker.length);
  }
  return { text: text + rest, offsets };
}

export function parseMarker(source: string): { text: string; offset: number } {
  const { text, offsets } = parseMarkers(source);
  if (offsets.length !== 1) throw new Error(`expected one ${marker} marker, found ${offsets.length}`);
  return { text, offset: offsets[0]! };
}
