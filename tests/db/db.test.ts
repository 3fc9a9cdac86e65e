// Entry point of the database tests. They share one database, so they run here in one worker, in
// this order, rather than as parallel test files: the first-user rule needs an empty users table,
// markInterruptedReplies and markStaleReplies touch every streaming reply, and SQLite takes one writer at a time.
import "./users";
import "./sign-in";
import "./sessions";
import "./ownership";
import "./turns";
import "./branches";
import "./cascades";
import "./health";
import "./presets";
import "./conversations";
import "./attachments";
import "./search";
import "./connectors";
import "./limits";
import "./export";
import "./usage";
import "./budget";
import "./admin";
import "./sso";
import "./liveness";
import "./shares";
import "./batches";
import "./provider-credentials";
