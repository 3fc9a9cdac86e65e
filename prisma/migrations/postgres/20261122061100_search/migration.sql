-- Search over titles and message text (hand-written: the Prisma schema cannot express these columns
-- and indexes). "Message"."searchText" is the plain text of the text blocks of a finished message,
-- computed by the database (empty while a reply streams), and trigram GIN indexes (pg_trgm) serve
-- substring matches with ILIKE on it and on titles, in any script.
-- Prisma runs this file split at every semicolon: keep function bodies to one SQL statement.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION message_plain_text(content TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(content::jsonb) = 'array' THEN coalesce((
        SELECT string_agg(block->>'text', E'\n' ORDER BY position)
        FROM jsonb_array_elements(content::jsonb) WITH ORDINALITY AS blocks(block, position)
        WHERE jsonb_typeof(block) = 'object' AND block->>'type' = 'text'), '') ELSE '' END
$$;

ALTER TABLE "Message" ADD COLUMN "searchText" TEXT NOT NULL GENERATED ALWAYS AS (
    CASE WHEN "status" = 'streaming' THEN '' ELSE message_plain_text("content") END) STORED;

CREATE INDEX "Message_searchText_trgm" ON "Message" USING GIN ("searchText" gin_trgm_ops);
CREATE INDEX "Conversation_title_trgm" ON "Conversation" USING GIN ("title" gin_trgm_ops);
