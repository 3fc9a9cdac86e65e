-- Full-text search over message text (hand-written: the Prisma schema cannot express FTS tables).
-- "MessageText" keeps the plain text of the text blocks of each finished message, kept up to date by
-- triggers on "Message", and "MessageSearch" is an FTS5 trigram index over it, so substrings of three
-- characters or more match in any script, Japanese included. Replies still streaming are indexed
-- once they finish, so their frequent progress writes cost nothing here.
-- A later migration that redefines "Message" (copy, drop, rename) drops these triggers: recreate them.

CREATE TABLE "MessageText" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    CONSTRAINT "MessageText_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "MessageText_messageId_key" ON "MessageText"("messageId");

CREATE VIRTUAL TABLE "MessageSearch" USING fts5(body, content='MessageText', content_rowid='id', tokenize='trigram');

CREATE TRIGGER "MessageText_ai" AFTER INSERT ON "MessageText" BEGIN
    INSERT INTO "MessageSearch"(rowid, body) VALUES (new."id", new."body");
END;
CREATE TRIGGER "MessageText_ad" AFTER DELETE ON "MessageText" BEGIN
    INSERT INTO "MessageSearch"("MessageSearch", rowid, body) VALUES ('delete', old."id", old."body");
END;
CREATE TRIGGER "MessageText_au" AFTER UPDATE ON "MessageText" BEGIN
    INSERT INTO "MessageSearch"("MessageSearch", rowid, body) VALUES ('delete', old."id", old."body");
    INSERT INTO "MessageSearch"(rowid, body) VALUES (new."id", new."body");
END;

CREATE TRIGGER "Message_search_ai" AFTER INSERT ON "Message" WHEN new."status" <> 'streaming' BEGIN
    INSERT INTO "MessageText"("messageId", "body") VALUES (new."id", CASE WHEN json_valid(new."content") THEN coalesce((
        SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new."content")
        WHERE json_extract(value, '$.type') = 'text'), '') ELSE '' END);
END;
CREATE TRIGGER "Message_search_au" AFTER UPDATE OF "content", "status" ON "Message" WHEN new."status" <> 'streaming' BEGIN
    INSERT INTO "MessageText"("messageId", "body") VALUES (new."id", CASE WHEN json_valid(new."content") THEN coalesce((
        SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each(new."content")
        WHERE json_extract(value, '$.type') = 'text'), '') ELSE '' END)
    ON CONFLICT("messageId") DO UPDATE SET "body" = excluded."body" WHERE "body" IS NOT excluded."body";
END;

INSERT INTO "MessageText"("messageId", "body")
SELECT "id", coalesce((
    SELECT group_concat(json_extract(value, '$.text'), char(10)) FROM json_each("Message"."content")
    WHERE json_extract(value, '$.type') = 'text'), '')
FROM "Message" WHERE "status" <> 'streaming' AND json_valid("content");
