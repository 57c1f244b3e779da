// One POST of a delivery, with node:http(s) rather than fetch: its `lookup`
// option lets the socket connect only to addresses the rule allows, checked
// on the very addresses it connects to. Redirects are never followed (a 3xx
// is a failed attempt): a public receiver could otherwise send us inward.
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { isPublicAddress, literalAddress, PrivateAddress, publicOnlyLookup } from "./address.ts";

export const TIMEOUT_MS = 10_000;
/** the part of a receiver's answer kept in lastError */
const KEPT = 300;

export interface Attempt {
  /** the receiver's status, null when it did not answer */
  status: number | null;
  ok: boolean;
  error: string;
}

export const signature = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export interface Outgoing {
  url: string;
  body: string;
  secret: string;
  action: string;
  deliveryId: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
}

/** POSTs once and says how it went; never throws. */
export function post(o: Outgoing): Promise<Attempt> {
  return new Promise((resolve) => {
    const url = new URL(o.url);
    const literal = literalAddress(url.hostname);
    // an address in the URL is not looked up, so the lookup's check would not see it
    if (!o.allowPrivate && literal && !isPublicAddress(literal))
      return resolve({ status: null, ok: false, error: new PrivateAddress(url.hostname, literal).message });
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(o.body),
        "User-Agent": "Claimtrack-Webhooks",
        "X-Claimtrack-Event": o.action,
        "X-Claimtrack-Delivery": String(o.deliveryId),
        "X-Claimtrack-Signature": signature(o.secret, o.body),
      },
      timeout: TIMEOUT_MS,
      ...(o.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      ...(o.signal ? { signal: o.signal } : {}),
      // one connection per attempt: an agent's kept-alive socket would skip the lookup's check
      agent: false,
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (err) => {
      clearTimeout(deadline);
      resolve({ status: null, ok: false, error: err.message || String(err) });
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (text.length < KEPT) text += chunk;
      });
      const done = () => {
        clearTimeout(deadline);
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const redirect = status >= 300 && status < 400 ? ` (redirects are not followed: ${res.headers.location ?? "no Location"})` : "";
        resolve({ status, ok, error: ok ? "" : `HTTP ${status}${redirect}${text ? `: ${text.slice(0, KEPT)}` : ""}` });
      };
      res.on("end", done);
      res.on("error", done);
    });
    req.end(o.body);
  });
}
