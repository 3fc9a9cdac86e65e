// Ids the server picks before it writes a row, so that a reply's upstream request can start while
// its turn is being saved. UUIDv7 ids grow with time (and within a millisecond), so rows created
// together still sort oldest first by (createdAt, id), like the database's own cuid defaults.
import { v7 } from "uuid";

export const newId = (): string => v7();
