import path from "node:path";
import express, { type Request } from "express";
import type { Logger } from "pino";
import { createLogger, requestIds, requestLog } from "./http/request-log.ts";
import { ejsEngine } from "./http/views.ts";
import helmet from "helmet";
import { databasePath, type Config } from "./config.ts";
import type { Db } from "./db.ts";
import { NotFound } from "./errors.ts";
import { loadUser, requireUser } from "./http/auth.ts";
import { csrfProtection } from "./http/csrf.ts";
import { errorHandler } from "./http/error-handler.ts";
import { flashMiddleware } from "./http/flash.ts";
import { inputGuard } from "./http/input-guard.ts";
import { sessions } from "./http/session-store.ts";
import { checkHealth } from "./health.ts";
import { helpersFor, viewLocals } from "./http/view-helpers.ts";
import { accountLocale } from "./i18n/locale.ts";
import { authRouter } from "./users/auth.routes.ts";
import { usersRouter } from "./users/users.routes.ts";
import { sessionUser, userForToken } from "./users/users.service.ts";
import { claimsRouter } from "./claims/claims.routes.ts";
import { claimsApi } from "./claims/claims.api.ts";
import { needsReviewApi, needsReviewRouter } from "./claims/review.routes.ts";
import { claimReviewRouter } from "./claimreview/claimreview.routes.ts";
import { exportRouter } from "./transfer/export.routes.ts";
import { sourcesRouter } from "./sources/sources.routes.ts";
import { sourcesApi } from "./sources/sources.api.ts";
import { entitiesRouter } from "./entities/entities.routes.ts";
import { entitiesApi } from "./entities/entities.api.ts";
import { auditRouter } from "./audit/audit.routes.ts";
import { auditApi } from "./audit/audit.api.ts";
import { timelineRouter } from "./timeline/timeline.routes.ts";
import { dashboardRouter } from "./dashboard/dashboard.routes.ts";
import { storiesRouter } from "./stories/stories.routes.ts";
import { storiesApi } from "./stories/stories.api.ts";
import { usersApi } from "./assignment/users.api.ts";
import { assignmentRouter } from "./assignment/assignment.routes.ts";
import { commentsApi } from "./comments/comments.api.ts";
import { commentsRouter } from "./comments/comments.routes.ts";
import { inboxApi } from "./inbox/inbox.api.ts";
import { inboxRouter } from "./inbox/inbox.routes.ts";
import { inboxCount } from "./inbox/inbox.count.ts";
import { webhooksRouter } from "./webhooks/webhooks.routes.ts";
import { webhooksApi } from "./webhooks/webhooks.api.ts";
import { wakeAfterWrites } from "./webhooks/wake.ts";
import { LiveHub } from "./live/live.hub.ts";
import { liveRouter } from "./live/live.routes.ts";
// each feature's audit labels and template helpers; the log's filter lists the groups in this order
import "./claims/claims.audit.ts";
import "./sources/sources.audit.ts";
import "./entities/entities.audit.ts";
import "./users/users.audit.ts";
import "./transfer/transfer.audit.ts";
import "./stories/stories.audit.ts";
import "./assignment/assignment.audit.ts";
import "./comments/comments.audit.ts";
import "./webhooks/webhooks.audit.ts";
import "./claims/claims.views.ts";
import "./sources/sources.views.ts";

export interface AppDeps {
  db: Db;
  config: Config;
  /** where a failed request's error goes; the logger by default */
  log?: (err: unknown, req?: Request) => void;
  /** the JSON log (stdout by default) */
  logger?: Logger;
}

const root = path.resolve(import.meta.dirname, "..");

/** Builds the Express app: middleware, routers, 404 and the error handler. Never listens. */
export function createApp({ db, config, logger = createLogger(), log = (err, req) => logger.error({ err, reqId: req?.id }, "request failed") }: AppDeps) {
  const app = express();
  const dbFile = databasePath(config.databaseUrl);
  app.set("dbFile", dbFile); // for the forms' answer to a database that cannot take a write (http/routes.ts)
  app.set("views", path.join(root, "views"));
  app.engine("ejs", ejsEngine());
  app.set("view engine", "ejs");
  app.set("trust proxy", "loopback");
  app.disable("x-powered-by");
  if (config.env === "production") app.set("view cache", true);

  app.use(requestIds);
  if (config.logRequests) app.use(requestLog(logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { "script-src": ["'self'"], "form-action": ["'self'"] } } }));
  app.use("/assets", express.static(path.join(root, "public"), { maxAge: config.env === "production" ? "7d" : 0 }));
  app.get("/healthz", async (_req, res) => {
    const health = await checkHealth(db, config.minFreeDiskMB);
    res.status(health.ok ? 200 : 503).json(health);
  });

  app.use(viewLocals(config.newsroomName));
  app.use(express.urlencoded({ extended: false, limit: "200kb" }));
  app.use(express.json({ limit: "1mb" }));
  app.use(inputGuard);
  app.use(sessions(db, config.sessionSecret));
  app.use(loadUser(db, { byToken: userForToken, bySession: sessionUser }));
  app.use(accountLocale(helpersFor));
  app.use(csrfProtection(config.sessionSecret));
  app.use(flashMiddleware);
  // a write may have added to the webhooks' outbox: this process's delivery worker looks at once
  app.use(wakeAfterWrites);

  app.use(authRouter(db, config));
  app.use(requireUser);
  // one hub per app: its poller runs only while a stream is open (liveHubOf(app).close() ends them all)
  const live = new LiveHub(db, config.live, (err) => logger.error({ err }, "live updates: reading new audit events failed; trying again"));
  app.set("live", live);
  app.use(liveRouter(live, db));
  app.use(inboxCount(db));
  app.use(
    "/api",
    claimsApi(db),
    needsReviewApi(db),
    sourcesApi(db),
    entitiesApi(db),
    auditApi(db),
    storiesApi(db),
    usersApi(db),
    commentsApi(db),
    inboxApi(db),
    webhooksApi(db, config),
  );
  app.use(
    claimsRouter(db, config),
    assignmentRouter(db),
    commentsRouter(db),
    inboxRouter(db),
    needsReviewRouter(db),
    claimReviewRouter(db, config),
    exportRouter(db),
    sourcesRouter(db),
    entitiesRouter(db),
    auditRouter(db),
    usersRouter(db),
    timelineRouter(db),
    dashboardRouter(db),
    storiesRouter(db),
    webhooksRouter(db, config),
  );

  app.use(() => {
    throw new NotFound();
  });
  app.use(errorHandler(config.env === "development", dbFile, (err, req) => log(err, req)));
  return app;
}
