import { describe, expect, it } from "vitest";
import { createLogger, errorForLog } from "@/lib/log";
import { runInRequestScope } from "@/lib/request-context";

function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger(level, {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line));
    },
  });
  return { logger, lines, raw };
}

describe("the operator log", () => {
  it("writes one JSON line with an ISO time and the level's name", () => {
    const { logger, lines } = capture();
    logger.info({ status: 200 }, "request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", status: 200 });
    expect(Date.parse(String(lines[0]?.time))).not.toBeNaN();
  });

  it("honours the level", () => {
    const { logger, lines } = capture("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines.map((line) => line.msg)).toEqual(["loud"]);
  });

  it("redacts secrets and message text if they are ever passed", () => {
    const { logger, raw } = capture();
    logger.info(
      {
        headers: {
          cookie: "session-cookie-value",
          authorization: "Bearer key-1",
          "x-api-key": "sk-ant-key-2",
        },
        request: { headers: { cookie: "nested-cookie" } },
        apiKey: "sk-ant-key-3",
        message: { text: "what the user wrote", prompt: "a system prompt" },
        connector: { token: "connector-token" },
      },
      "careless",
    );
    for (const secret of [
      "session-cookie-value",
      "key-1",
      "sk-ant-key-2",
      "nested-cookie",
      "sk-ant-key-3",
      "what the user wrote",
      "a system prompt",
      "connector-token",
    ]) {
      expect(raw[0]).not.toContain(secret);
    }
    expect(raw[0]).toContain("[redacted]");
  });

  it("adds the request id to lines written while a request is handled", async () => {
    const { logger, lines } = capture();
    await runInRequestScope({ requestId: "req-1" }, async () => {
      await Promise.resolve();
      logger.info("inside");
    });
    logger.info("outside");
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-1" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });
});

describe("errorForLog", () => {
  it("keeps type, code, status and stack frames, not the message", () => {
    const error = Object.assign(new Error("Invalid prisma.message.create() invocation: { text: 'secret' }"), {
      name: "PrismaClientValidationError",
      code: "P2009",
      status: 400,
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: "PrismaClientValidationError", code: "P2009", status: 400 });
    expect(String(logged.stack)).toMatch(/^PrismaClientValidationError\n\s+at /);
    expect(JSON.stringify(logged)).not.toContain("secret");
  });

  it("follows the cause", () => {
    const error = new Error("outer", { cause: Object.assign(new Error("inner"), { code: "ECONNREFUSED" }) });
    expect(errorForLog(error).cause).toMatchObject({ type: "Error", code: "ECONNREFUSED" });
  });

  it("describes a thrown non-error by its type", () => {
    expect(errorForLog("a string")).toEqual({ type: "string" });
  });
});
