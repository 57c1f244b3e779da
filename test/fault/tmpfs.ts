import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface SmallDisk {
  dir: string;
  unmount(): void;
}

/**
 * A real small filesystem (tmpfs) for disk-full tests. Mounting needs root,
 * as CI has; elsewhere the tests that need it are skipped, and say so,
 * except under CI=true, where a missing mount is a failure.
 */
export function smallDisk(sizeKB: number): SmallDisk | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), "claimtrack-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKB}k`, "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    if (process.env.CI === "true") throw new Error(`CI must be able to mount a small tmpfs for the disk-full tests: ${(err as Error).message}`);
    console.warn(`Skipping the disk-full tests: mounting a tmpfs needs root (${(err as Error).message.split("\n")[0]}).`);
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
