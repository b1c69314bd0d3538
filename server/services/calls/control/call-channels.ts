import { amiField } from "@/asterisk/ami/fields";
import type { AmiClient, AmiEvent } from "@/asterisk/ami/types";

// Channel names are not stored on the Call row: they change with transfers and only Asterisk
// knows them for sure. CoreShowChannels answers from any app instance, so control works wherever
// the request lands.

/** What may go into an AMI header as a channel: PJSIP/Local channel names Asterisk generates. */
const CHANNEL_NAME = /^(?:PJSIP|Local)\/[A-Za-z0-9_.@+-]{1,100}(?:;[12])?$/;

export const isSafeChannelName = (name: string) => CHANNEL_NAME.test(name);

export type LiveChannel = { name: string; tenantSlug: string | null; state: string };

export type CallChannels = {
  /** The tenant-side extension channel (the rep's), e.g. `PJSIP/acme_1001-0000000a`. */
  agent: string | null;
  /** The other party: the carrier / trunk leg, else another extension, else a Local channel. */
  peer: string | null;
  all: LiveChannel[];
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `PJSIP/<slug>_<digits>-<seq>`: an extension's channel of this tenant (never a trunk's `<slug>_trunk_…`). */
function extensionChannel(slug: string, number?: string): RegExp {
  return new RegExp(`^PJSIP/${escape(slug)}_${number ? escape(number) : "[0-9]{2,6}"}-[0-9a-f]+$`);
}

/** Splits the channels CoreShowChannels listed for a linkedid into the rep's side and the other party. */
export function classifyChannels(items: readonly AmiEvent[], slug: string, linkedId: string, extensionNumber: string | null): CallChannels {
  const all: LiveChannel[] = items
    .filter((item) => amiField(item.fields, "linkedid") === linkedId)
    .map((item) => ({
      name: amiField(item.fields, "channel") ?? "",
      tenantSlug: amiField(item.fields, "tenantid") || null,
      state: amiField(item.fields, "channelstatedesc") ?? "",
    }))
    .filter((channel) => isSafeChannelName(channel.name));
  // A linkedid is unique per node, but the call must still be this tenant's: one of its channels says so.
  const anyExtension = extensionChannel(slug);
  if (!all.some((channel) => channel.tenantSlug === slug || anyExtension.test(channel.name))) return { agent: null, peer: null, all: [] };

  const agent =
    (extensionNumber ? all.find((channel) => extensionChannel(slug, extensionNumber).test(channel.name)) : undefined) ??
    all.find((channel) => anyExtension.test(channel.name)) ??
    null;
  const others = all.filter((channel) => channel.name !== agent?.name);
  const rank = (name: string) => (name.startsWith("Local/") ? 2 : anyExtension.test(name) ? 1 : 0);
  const peer = [...others].sort((a, b) => rank(a.name) - rank(b.name))[0] ?? null;
  return { agent: agent?.name ?? null, peer: peer?.name ?? null, all };
}

/** The call's live channels on the node, asked from Asterisk now. */
export async function liveCallChannels(
  ami: AmiClient,
  slug: string,
  linkedId: string,
  extensionNumber: string | null,
): Promise<CallChannels> {
  const response = await ami.action({ action: "CoreShowChannels" });
  return classifyChannels(response.events, slug, linkedId, extensionNumber);
}
