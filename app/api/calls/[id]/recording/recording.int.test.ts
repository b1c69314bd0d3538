import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyWorkspace, insertCalls, sessionFor, type HistoryWorkspace } from "@/server/services/calls/history/history.fixture";
import { insertLead } from "@/server/routers/tasks/timeline-fixtures";
import { recordingResponse } from "./recording-response";

// A real recordings directory with real files; RECORDINGS_DIR is read per request (pbxEnv).
const AUDIO = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
let dir: string;
const previousDir = process.env.RECORDINGS_DIR;

function get(ws: { tenant: { slug: string } }, callId: string, headers: Record<string, string> = {}, host?: string) {
  return new Request(`http://${host ?? `${ws.tenant.slug}.localhost:3000`}/api/calls/${callId}/recording`, {
    headers: { host: host ?? `${ws.tenant.slug}.localhost:3000`, ...headers },
  });
}

describe("GET /api/calls/<id>/recording", () => {
  let ws: HistoryWorkspace;
  let callId: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "linha-recordings-"));
    process.env.RECORDINGS_DIR = dir;
    ws = await historyWorkspace(["call_recording"]);
    await mkdir(join(dir, ws.tenant.slug));
    await writeFile(join(dir, ws.tenant.slug, "c-1.wav"), AUDIO);
    [callId] = (await insertCalls(ws.tenant.id, [
      { startedAt: new Date("2026-03-02T12:00:00Z"), userId: ws.rep.user.id, recordingPath: `${ws.tenant.slug}/c-1.wav` },
    ])) as [string];
  });
  afterAll(() => {
    process.env.RECORDINGS_DIR = previousDir;
  });

  it("streams the whole file to the call's rep, with the audio type and Accept-Ranges", async () => {
    const response = await recordingResponse(get(ws, callId), await sessionFor(ws.rep.user.email, ws.tenant.slug), callId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(AUDIO);
  });

  it("answers a byte range with 206 and Content-Range, and an impossible one with 416", async () => {
    const session = await sessionFor(ws.manager.user.email, ws.tenant.slug);
    const partial = await recordingResponse(get(ws, callId, { range: "bytes=100-199" }), session, callId);
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(AUDIO.subarray(100, 200));
    const tail = await recordingResponse(get(ws, callId, { range: "bytes=-10" }), session, callId);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(AUDIO.subarray(990));
    const open = await recordingResponse(get(ws, callId, { range: "bytes=900-" }), session, callId);
    expect(open.headers.get("content-range")).toBe("bytes 900-999/1000");
    const beyond = await recordingResponse(get(ws, callId, { range: "bytes=5000-" }), session, callId);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */1000");
  });

  it("is 404 for another rep without access, another tenant's host, a missing file, and no session is 401", async () => {
    const other = await recordingResponse(get(ws, callId), await sessionFor(ws.otherRep.user.email, ws.tenant.slug), callId);
    expect(other.status).toBe(404);
    // acme's admin asking on acme's host for this tenant's call.
    const acme = await recordingResponse(get(ws, callId, {}, "acme.localhost:3000"), await sessionFor("ana@acme.test", "acme"), callId);
    expect(acme.status).toBe(404);
    const [missing] = await insertCalls(ws.tenant.id, [
      { startedAt: new Date("2026-03-02T12:00:00Z"), userId: ws.rep.user.id, recordingPath: `${ws.tenant.slug}/gone.wav` },
    ]);
    expect((await recordingResponse(get(ws, missing!), await sessionFor(ws.rep.user.email, ws.tenant.slug), missing!)).status).toBe(404);
    expect((await recordingResponse(get(ws, callId), null, callId)).status).toBe(401);
    expect((await recordingResponse(get(ws, "not-a-uuid"), null, "not-a-uuid")).status).toBe(404);
  });

  it("refuses a path of another tenant's folder and a symlink out of the tenant's folder", async () => {
    const other = await historyWorkspace(["call_recording"]);
    await mkdir(join(dir, other.tenant.slug));
    await writeFile(join(dir, other.tenant.slug, "theirs.wav"), AUDIO);
    await writeFile(join(dir, "outside.wav"), AUDIO);
    await symlink(join(dir, "outside.wav"), join(dir, ws.tenant.slug, "link.wav"));
    const [crossPath, viaLink] = await insertCalls(ws.tenant.id, [
      { startedAt: new Date("2026-03-02T12:00:00Z"), userId: ws.rep.user.id, recordingPath: `${other.tenant.slug}/theirs.wav` },
      { startedAt: new Date("2026-03-02T12:00:00Z"), userId: ws.rep.user.id, recordingPath: `${ws.tenant.slug}/link.wav` },
    ]);
    const session = await sessionFor(ws.rep.user.email, ws.tenant.slug);
    expect((await recordingResponse(get(ws, crossPath!), session, crossPath!)).status).toBe(404);
    expect((await recordingResponse(get(ws, viaLink!), session, viaLink!)).status).toBe(404);
  });

  it("is 403 on a plan without call recording, even for a rep's own call on a visible lead", async () => {
    const starter = await historyWorkspace([]);
    await mkdir(join(dir, starter.tenant.slug));
    await writeFile(join(dir, starter.tenant.slug, "c.wav"), AUDIO);
    const lead = await insertLead(starter.tenant.id, null);
    const [id] = await insertCalls(starter.tenant.id, [
      {
        startedAt: new Date("2026-03-02T12:00:00Z"),
        userId: starter.rep.user.id,
        leadId: lead,
        recordingPath: `${starter.tenant.slug}/c.wav`,
      },
    ]);
    const response = await recordingResponse(
      get(starter, id!, { "accept-language": "en" }),
      await sessionFor(starter.rep.user.email, starter.tenant.slug),
      id!,
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Your company's plan does not include call recording.");
  });
});
