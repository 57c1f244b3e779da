// The server as operators run it (node --import tsx src/server.ts, as npm
// start does), in a child process on a database file, for tests of signals,
// crashes and several processes.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server and waits until /healthz answers; `children` collects it for the file's afterAll. */
export async function startServer(url: string, port: number, children: ChildProcess[], env: Record<string, string> = {}): Promise<ChildProcess> {
  // node --import tsx: one process, so the signals reach the server itself, as with npm start
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      LOG_REQUESTS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server ended: ${child.exitCode ?? child.signalCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start in 60 s");
}

/** The exit code once the child has ended (null when a signal ended it). */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

/** Kills what a test file left running. */
export function killAll(children: ChildProcess[]) {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}
