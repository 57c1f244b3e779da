// The live notice (views/partials/live.ejs): when someone else changes what
// the page shows, a polite live region says so, with a link to reload. It
// listens to GET /events (Server-Sent Events; the browser reconnects by
// itself, sending Last-Event-ID). The words come from the page, in its
// language; the user's own changes are ignored. Without JavaScript, or
// without EventSource, the page is as it was.
"use strict";

const notice = document.querySelector("[data-live]");
if (notice && "EventSource" in window) {
  const data = notice.dataset;
  const me = Number(data.liveMe);
  const types = data.liveTypes.split(" ").filter(Boolean);
  const id = data.liveId ? Number(data.liveId) : null;
  const claims = new Set(data.liveClaims.split(" ").filter(Boolean).map(Number));
  const concerns = (e) => (types.includes(e.subjectType) && (id === null || e.subjectId === id)) || (e.subjectType === "claim" && claims.has(e.subjectId));

  // one notice, updated: the newest change names its author
  const show = (name) => {
    const [before, after = ""] = data.liveChanged.split("{name}");
    const who = document.createElement("strong");
    who.textContent = name;
    const reload = document.createElement("a");
    reload.href = location.pathname + location.search;
    reload.textContent = data.liveReload;
    notice.replaceChildren(before, who, after, " ", reload);
  };

  // from the newest event when the page was rendered: a change made since is not missed (reconnections send Last-Event-ID)
  const events = new EventSource(data.liveSince ? `/events?lastEventId=${encodeURIComponent(data.liveSince)}` : "/events");
  events.addEventListener("message", (m) => {
    let e;
    try {
      e = JSON.parse(m.data);
    } catch {
      return;
    }
    if (e.actorId !== me && concerns(e)) show(e.actorName);
  });
}
