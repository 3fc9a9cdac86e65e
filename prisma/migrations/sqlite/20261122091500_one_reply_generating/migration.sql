-- One reply generates at a time per conversation, on any branch: the database refuses a second
-- "streaming" reply even when two requests pass the application's check at the same moment.
-- Hand-written (Prisma's schema cannot express a partial index). Migrations run while the app is
-- stopped, so a reply still marked streaming was cut off: mark it as the app does after a restart,
-- which also lets the index be built.
UPDATE "Message" SET "status" = 'error', "errorType" = 'interrupted', "errorMessage" = 'The server restarted while this reply was being generated.' WHERE "status" = 'streaming';

CREATE UNIQUE INDEX "Message_one_streaming_per_conversation" ON "Message" ("conversationId") WHERE "status" = 'streaming';
