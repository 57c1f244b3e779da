// Which addresses a webhook may reach. A webhook makes this server send
// requests where an admin says: without this rule, to the database's port,
// a cloud's metadata service (169.254.169.254) or an intranet page. Only
// public unicast addresses are allowed, unless the operator allows private
// ones (WEBHOOKS_ALLOW_PRIVATE=1); the check runs at registration and again
// at connect, on the addresses the socket is given (so a DNS answer that
// changes between the two, "rebinding", does not get through).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Whether an IP address is a public unicast one. ipaddr.js names every
 * special range (private, loopback, linkLocal, uniqueLocal, carrierGradeNat,
 * multicast, unspecified, broadcast, reserved, and the IPv6 forms that embed
 * an IPv4 address: mapped, 6to4, Teredo, NAT64); only "unicast" is public.
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as its IPv4 one.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === "unicast";
}

/** A URL's host as an address when it is one: "[::1]" → "::1"; null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

export class PrivateAddress extends Error {
  readonly code = "EPRIVATEADDRESS";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is a private, loopback or otherwise non-public address (${address}); set WEBHOOKS_ALLOW_PRIVATE=1 to allow it`);
  }
}

const resolveAll = (host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/**
 * The first address of a host that is not public, or null when all are (or
 * the name does not resolve now: delivery checks again, at connect). A name
 * such as localhost resolves to loopback, and is refused that way.
 */
export async function nonPublicAddress(hostname: string): Promise<string | null> {
  const literal = literalAddress(hostname);
  if (literal) return isPublicAddress(literal) ? null : literal;
  // localhost and its subdomains are loopback by definition (RFC 6761), whatever a resolver says; "localhost." is the same name
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return "127.0.0.1";
  const addresses = await resolveAll(hostname).catch(() => [] as LookupAddress[]);
  return addresses.find((a) => !isPublicAddress(a.address))?.address ?? null;
}

/**
 * A socket lookup (for http.request's `lookup` option) that refuses a host
 * any of whose addresses is not public. Node calls it with all: true when it
 * tries the addresses in turn (autoSelectFamily), else for one address.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options: LookupOptions, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 4);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new PrivateAddress(hostname, bad.address), "", 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};
