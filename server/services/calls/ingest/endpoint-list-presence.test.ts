import { describe, expect, it } from "vitest";
import { normalizeAmiFields } from "@/asterisk/ami/fields";
import { presenceOf } from "@/asterisk/events/call-tracker";
import { pjsipShowEndpointsItems } from "@/asterisk/testing/ami-pjsip";
import { headerPairs } from "@/asterisk/testing/ami-wire";

// The reconcile reads presence from PJSIPShowEndpoints: the test server's EndpointList items must
// read as Asterisk's do (registered phones have a contact and a device state other than Unavailable).

const asEvents = (items: ReturnType<typeof pjsipShowEndpointsItems>) =>
  items.map((item) => {
    const fields = normalizeAmiFields(Object.fromEntries(headerPairs(item).map(([key, value]) => [key.toLowerCase(), value])));
    return { event: String(fields.event), fields };
  });

describe("PJSIPShowEndpoints items → presence", () => {
  it("reads registration and contact from EndpointList items", () => {
    const items = pjsipShowEndpointsItems([
      { name: "acme_1001", contacts: [{ uri: "sip:acme_1001@127.0.0.1:5071" }] },
      { name: "acme_1002" },
      { name: "acme_1003", contacts: [{ uri: "sip:acme_1003@127.0.0.1:5073" }], deviceState: "Unavailable" },
    ]);
    expect(asEvents(items).map(presenceOf)).toEqual([
      { endpoint: "acme_1001", registered: true, contactUri: "sip:acme_1001@127.0.0.1:5071" },
      { endpoint: "acme_1002", registered: false, contactUri: null },
      { endpoint: "acme_1003", registered: false, contactUri: null },
    ]);
  });
});
