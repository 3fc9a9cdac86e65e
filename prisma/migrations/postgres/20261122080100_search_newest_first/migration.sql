-- Search reads a user's newest messages first and stops at the 50th match, falling back to the
-- trigram index when there are fewer (lib/db/search.ts): fetching and sorting every match of a
-- common word through that index took hundreds of milliseconds. Hand-written, outside the Prisma
-- schema, like the search migration before it.
-- "Message"."userId" copies the owner of the message's conversation, set by a trigger, and is indexed
-- with "createdAt" for that walk.
-- "searchLower" replaces "searchText", lowercased, so that LIKE on it matches exactly as ILIKE did
-- (which lowercases both sides) without lowercasing every row it reads, the bulk of its cost.
-- "searchText" goes first so that the backfill of "userId" does not recompute it, and adding
-- "searchLower" rewrites the table, leaving no dead rows from that backfill.
-- Prisma runs this file split at every semicolon: the trigger function writes its semicolons \073.

ALTER TABLE "Message" DROP COLUMN "searchText";

ALTER TABLE "Message" ADD COLUMN "userId" TEXT;

CREATE FUNCTION message_set_user_id() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
    NEW."userId" := (SELECT "userId" FROM "Conversation" WHERE "id" = NEW."conversationId")\073
    RETURN NEW\073
END';

CREATE TRIGGER "Message_userId" BEFORE INSERT OR UPDATE OF "conversationId" ON "Message"
    FOR EACH ROW EXECUTE FUNCTION message_set_user_id();

UPDATE "Message" m SET "userId" = c."userId" FROM "Conversation" c WHERE c."id" = m."conversationId";

ALTER TABLE "Message" ADD COLUMN "searchLower" TEXT NOT NULL GENERATED ALWAYS AS (
    CASE WHEN "status" = 'streaming' THEN '' ELSE lower(message_plain_text("content")) END) STORED;

CREATE INDEX "Message_searchLower_trgm" ON "Message" USING GIN ("searchLower" gin_trgm_ops);
CREATE INDEX "Message_userId_createdAt_idx" ON "Message" ("userId", "createdAt" DESC);

ANALYZE "Message";
