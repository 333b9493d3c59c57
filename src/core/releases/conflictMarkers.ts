/** A merge-conflict marker line left by git: its 0-based line and the marker. */
export interface ConflictMarker {
  readonly line: number;
  readonly marker: string;
}

// git writes 7 marker characters, then a space and a label or nothing; diff3 style adds `|||||||`.
const markerLine = /^(<{7}|={7}|>{7}|\|{7})(?: |$)/;

/** Finds the merge-conflict marker lines of a text, so a conflicted manifest is never read as data. */
export function findConflictMarkers(text: string): ConflictMarker[] {
  const markers: ConflictMarker[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = markerLine.exec(line);
    if (match?.[1]) markers.push({ line: index, marker: match[1] });
  });
  return markers;
}
