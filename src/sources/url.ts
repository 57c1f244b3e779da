// What makes two web addresses the same page for the duplicate check. The
// address itself is stored as typed; only this key is compared.

/** Query parameters that say who shared a link, not which page it is. */
const TRACKING = /^(utm_.*|fbclid|gclid)$/i;

/**
 * An address in the form the duplicate check compares: host lower-cased
 * without "www.", no default port, no fragment, no trailing slash, no
 * tracking parameters, the other parameters sorted; path case kept (servers
 * tell /A from /a). http and https are one page: newsrooms' links differ in
 * scheme alone more often than two pages do. Null for what is not a web address.
 */
export function urlKey(address: string | null): string | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // the WHATWG parser has already lower-cased the scheme and host and dropped the default port
  const host = url.hostname.replace(/^www\./, "") + (url.port ? `:${url.port}` : "");
  const path = url.pathname.replace(/\/+$/, "");
  const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  const query = new URLSearchParams(params);
  query.sort();
  const search = query.toString();
  return host + path + (search ? `?${search}` : "");
}
