import { HEADER } from "./names";

// A structural validator for the generated files, independent of the renderers: it reads the text
// back the way Asterisk would (sections, key=value, exten/same/include lines) and checks that every
// reference resolves. The tests run it on the golden output and on the benchmark's 10,000-extension
// output; the sync may run it before writing.

export const PJSIP_TYPES = ["endpoint", "auth", "aor", "identify", "registration", "transport"] as const;

type PjsipObject = { file: string; line: number; name: string; type: string | null; options: [string, string][] };
export type DialplanStep = { line: number; label: string | null; app: string };
export type DialplanContext = { file: string; line: number; includes: string[]; extens: Map<string, DialplanStep[]> };
export type Dialplan = Map<string, DialplanContext>;

const SECTION = /^\[([A-Za-z0-9_.+-]+)\]$/;
const KEY_VALUE = /^([a-z_]+)=(\S(?:.*\S)?)$/;
const EXTEN = /^exten => ([^,\s]+),1(?:\(([A-Za-z0-9_]+)\))?,(.+)$/;
const SAME = /^ same => n(?:\(([A-Za-z0-9_]+)\))?,(.+)$/;
const INCLUDE = /^include => ([A-Za-z0-9_.+-]+)$/;
const MAILBOX = /^([0-9]{2,6}) => ([0-9]{4,12}),([A-Za-z0-9 ._'-]{1,40})$/;
const APP = /^[A-Za-z]+\((.*)\)$/;

/** Problems found (`file:line: message`); an empty list means the files are consistent. */
export function lintPbxConfig(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    if (!text.startsWith(`${HEADER}\n`)) problems.push(`${file}:1: missing the generated-file header`);
    if (!text.endsWith("\n")) problems.push(`${file}: does not end with a newline`);
  }
  const pjsip = parsePjsip(files, problems);
  const dialplan = parseDialplan(files, problems);
  const mailboxes = parseVoicemail(files, problems);
  checkPjsip(pjsip, dialplan, mailboxes, problems);
  checkDialplan(dialplan, pjsip, mailboxes, problems);
  return problems;
}

function linesOf(text: string): string[] {
  return text.split("\n").slice(0, text.endsWith("\n") ? -1 : undefined);
}

const isComment = (line: string) => line === "" || line.startsWith(";");

function parsePjsip(files: Record<string, string>, problems: string[]): PjsipObject[] {
  const objects: PjsipObject[] = [];
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith("pjsip_")) continue;
    let current: PjsipObject | null = null;
    linesOf(text).forEach((line, i) => {
      if (isComment(line)) return;
      const section = SECTION.exec(line);
      const pair = KEY_VALUE.exec(line);
      if (section) {
        current = { file, line: i + 1, name: section[1]!, type: null, options: [] };
        objects.push(current);
      } else if (pair && current) {
        if (pair[2]!.includes(";")) problems.push(`${file}:${i + 1}: a value contains ';'`);
        if (pair[1] === "type") {
          if (current.type !== null || current.options.length > 0)
            problems.push(`${file}:${i + 1}: type must be the first and only type line`);
          current.type = pair[2]!;
        } else current.options.push([pair[1]!, pair[2]!]);
      } else problems.push(`${file}:${i + 1}: not a PJSIP line: ${JSON.stringify(line.slice(0, 80))}`);
    });
  }
  return objects;
}

/** The dialplan of the extensions_*.conf files: contexts, their includes and extensions. */
export function parseDialplan(files: Record<string, string>, problems: string[] = []): Dialplan {
  const contexts: Dialplan = new Map();
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith("extensions_")) continue;
    let context: DialplanContext | null = null;
    let steps: DialplanStep[] | null = null;
    linesOf(text).forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      if (isComment(line)) return;
      const section = SECTION.exec(line);
      const ext = EXTEN.exec(line);
      const same = SAME.exec(line);
      const include = INCLUDE.exec(line);
      if (section) {
        if (contexts.has(section[1]!)) problems.push(`${where}: context ${section[1]} defined twice`);
        context = { file, line: i + 1, includes: [], extens: new Map() };
        contexts.set(section[1]!, context);
        steps = null;
      } else if (context && ext) {
        if (context.extens.has(ext[1]!)) problems.push(`${where}: extension ${ext[1]} defined twice in its context`);
        steps = [{ line: i + 1, label: ext[2] ?? null, app: ext[3]! }];
        context.extens.set(ext[1]!, steps);
      } else if (steps && same) {
        steps.push({ line: i + 1, label: same[1] ?? null, app: same[2]! });
      } else if (context && include) {
        context.includes.push(include[1]!);
        steps = null;
      } else {
        problems.push(`${where}: not a dialplan line: ${JSON.stringify(line.slice(0, 80))}`);
        return;
      }
      const app = (ext ?? same)?.[ext ? 3 : 2];
      if (app !== undefined && !balancedApp(app)) problems.push(`${where}: malformed application ${JSON.stringify(app.slice(0, 80))}`);
    });
  }
  return contexts;
}

function balancedApp(app: string): boolean {
  if (!APP.test(app)) return false;
  let depth = 0;
  for (const c of app) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

function parseVoicemail(files: Record<string, string>, problems: string[]): Set<string> {
  const boxes = new Set<string>();
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith("voicemail_")) continue;
    let context: string | null = null;
    linesOf(text).forEach((line, i) => {
      if (isComment(line)) return;
      const section = SECTION.exec(line);
      const box = MAILBOX.exec(line);
      if (section) context = section[1]!;
      else if (box && context) {
        if (boxes.has(`${box[1]}@${context}`)) problems.push(`${file}:${i + 1}: mailbox ${box[1]}@${context} defined twice`);
        boxes.add(`${box[1]}@${context}`);
      } else problems.push(`${file}:${i + 1}: not a voicemail line`);
    });
  }
  return boxes;
}

function checkPjsip(objects: PjsipObject[], dialplan: Dialplan, mailboxes: Set<string>, problems: string[]): void {
  const byType = new Map<string, Set<string>>(PJSIP_TYPES.map((t) => [t, new Set()]));
  for (const o of objects) {
    const names = o.type === null ? undefined : byType.get(o.type);
    if (!names) problems.push(`${o.file}:${o.line}: [${o.name}] has no known type`);
    else if (names.has(o.name)) problems.push(`${o.file}:${o.line}: two ${o.type} sections named ${o.name}`);
    else names.add(o.name);
  }
  const refs: Record<string, string> = { aors: "aor", auth: "auth", outbound_auth: "auth", endpoint: "endpoint" };
  for (const o of objects) {
    for (const [key, value] of o.options) {
      const type = refs[key];
      if (type && !byType.get(type)!.has(value)) problems.push(`${o.file}:${o.line}: [${o.name}] ${key}=${value} names no ${type}`);
      if (o.type === "endpoint" && key === "context" && !dialplan.has(value))
        problems.push(`${o.file}:${o.line}: [${o.name}] context ${value} does not exist`);
      if (key === "mailboxes" && !mailboxes.has(value)) problems.push(`${o.file}:${o.line}: [${o.name}] mailbox ${value} does not exist`);
    }
  }
}

/** What a dialplan application refers to: contexts it may enter, endpoints it dials, mailboxes, labels. */
export function applicationReferences(app: string) {
  const contexts: string[] = [];
  for (const m of app.matchAll(/\bGoto\(([^,()]+),([^,()]+),([^,()]+)\)/g)) contexts.push(m[1]!);
  for (const m of app.matchAll(/\bb\(([^^()]+)\^/g)) contexts.push(m[1]!);
  const endpoints: string[] = [];
  const dial = /^Dial\(([^,]+)/.exec(app);
  for (const target of dial ? dial[1]!.split("&") : []) {
    const resource = target.startsWith("PJSIP/") ? target.slice(6) : null;
    endpoints.push(resource === null ? `!${target}` : resource.slice(resource.lastIndexOf("@") + 1));
  }
  const mailboxes = [...app.matchAll(/^VoiceMail\(([0-9]+@[^,()]+)/g)].map((m) => m[1]!);
  const label = /^(?:GotoIf|GotoIfTime)\(.*\?([A-Za-z0-9_]+)\)$/.exec(app)?.[1] ?? null;
  const rooms = [...app.matchAll(/\bConfBridge\(([^,()]+)/g)].map((m) => m[1]!);
  const recordings = [...app.matchAll(/\bMixMonitor\(([^,()$]+)/g)].map((m) => m[1]!);
  return { contexts, endpoints, mailboxes, label, rooms, recordings };
}

function checkDialplan(dialplan: Dialplan, objects: PjsipObject[], mailboxes: Set<string>, problems: string[]): void {
  const endpoints = new Set(objects.filter((o) => o.type === "endpoint").map((o) => o.name));
  for (const [name, context] of dialplan) {
    // A tenant context (`t_<code>_…`; codes never contain `_`) may only use its own conference rooms
    // and write recordings only into its own directory.
    const owner = name.startsWith("t_") ? name.split("_")[1]! : null;
    for (const include of context.includes) {
      if (!dialplan.has(include)) problems.push(`${context.file}: [${name}] includes missing context ${include}`);
    }
    for (const [ext, steps] of context.extens) {
      const labels = new Set(steps.map((s) => s.label).filter((l) => l !== null));
      for (const step of steps) {
        const where = `${context.file}:${step.line}`;
        const refs = applicationReferences(step.app);
        for (const target of refs.contexts) if (!dialplan.has(target)) problems.push(`${where}: ${ext} goes to missing context ${target}`);
        for (const endpoint of refs.endpoints)
          if (!endpoints.has(endpoint)) problems.push(`${where}: ${ext} dials missing endpoint ${endpoint}`);
        for (const box of refs.mailboxes) if (!mailboxes.has(box)) problems.push(`${where}: ${ext} uses missing mailbox ${box}`);
        if (refs.label !== null && !labels.has(refs.label)) problems.push(`${where}: ${ext} jumps to missing label ${refs.label}`);
        for (const room of refs.rooms)
          if (owner === null || !room.startsWith(`${owner}_conf_`))
            problems.push(`${where}: ${ext} joins conference room ${room} of another tenant`);
        for (const file of refs.recordings)
          if (owner === null || !file.startsWith(`${owner}/`) || file.includes(".."))
            problems.push(`${where}: ${ext} records into ${file}, outside its tenant's directory`);
      }
    }
  }
}
