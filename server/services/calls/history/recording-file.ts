import { realpath, stat } from "node:fs/promises";
import { resolve, sep } from "node:path";
import type { CallRecordingFile } from "@/lib/schemas/calls";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { callAccessWhere, type CallViewer } from "./call-access";
import { callNotFound } from "./get-call";

const CONTENT_TYPES: Record<string, string> = { wav: "audio/wav", gsm: "audio/x-gsm", mp3: "audio/mpeg" };
const FILE_NAME = /^[0-9A-Za-z._-]+\.(wav|WAV|gsm|mp3)$/;

/**
 * The recording of a call the viewer may open, as a path relative to the recordings directory. Only
 * when the tenant's plan records calls (a plan downgraded later hides old files too); the stored path
 * is checked again here, since it came from the PBX: `<this tenant's slug>/<file name>`, nothing else.
 */
export async function findRecordingFile(
  db: TenantDb,
  tenant: { id: string; slug: string },
  viewer: CallViewer,
  callId: string,
): Promise<CallRecordingFile> {
  const call = await db.call.findFirst({ where: { AND: [{ id: callId }, callAccessWhere(viewer)] }, select: { recordingPath: true } });
  if (!call?.recordingPath) throw callNotFound();
  const plan = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { plan: { select: { features: true } } } });
  if (!plan.plan.features.includes("call_recording")) throw new AppError("FORBIDDEN", "callHistory.errors.recording_not_in_plan");
  const [folder, file, ...rest] = call.recordingPath.split("/");
  if (folder !== tenant.slug || !file || rest.length > 0 || !FILE_NAME.test(file) || file.startsWith(".")) throw callNotFound();
  return { path: `${folder}/${file}`, contentType: CONTENT_TYPES[file.split(".").pop()!.toLowerCase()]! };
}

/**
 * The file on disk for a recording path, or null when it is missing or would leave the tenant's folder
 * (`..`, an absolute path, or a symlink pointing elsewhere).
 */
export async function openableRecording(recordingsDir: string, relativePath: string): Promise<{ absolute: string; size: number } | null> {
  const slug = relativePath.split("/")[0]!;
  const folder = resolve(recordingsDir, slug);
  const absolute = resolve(recordingsDir, relativePath);
  if (!absolute.startsWith(folder + sep)) return null;
  try {
    const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(absolute)]);
    if (!realFile.startsWith(realFolder + sep)) return null;
    const info = await stat(realFile);
    return info.isFile() ? { absolute: realFile, size: info.size } : null;
  } catch {
    return null;
  }
}
