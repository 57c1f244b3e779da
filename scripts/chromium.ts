// Debian's Chromium, headless, as the e2e tests and the screenshot script
// start it: no sandbox (containers), nothing fetched from the network.
import { chromium, type Browser } from "playwright-core";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
