import { readFileSync, rmSync, writeFileSync } from "node:fs";

// A long writer (the import) leaves a note beside the database while it
// holds the write lock, so the server can tell editors why their write
// waits ("an import is running") instead of a bare "busy". A note whose
// process is gone (killed mid-import) is ignored.

interface Note {
  pid: number;
  what: string;
  since: string;
}

const noteFile = (dbFile: string) => `${dbFile}.writer`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process holding the write lock for a long job, if it left a note and still runs. */
export function runningWriter(dbFile: string): { what: string; since: Date } | null {
  let note: Note;
  try {
    note = JSON.parse(readFileSync(noteFile(dbFile), "utf8")) as Note;
  } catch {
    return null;
  }
  return typeof note.pid === "number" && alive(note.pid) ? { what: note.what, since: new Date(note.since) } : null;
}

/** Leaves the note ("an import") until the returned function is called or the process exits. */
export function noteWriter(dbFile: string, what: string): () => void {
  const file = noteFile(dbFile);
  writeFileSync(file, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() } satisfies Note));
  const remove = () => {
    process.off("exit", remove);
    rmSync(file, { force: true });
  };
  process.on("exit", remove);
  return remove;
}
