import { describe, expect, it } from "vitest";
import type { AmiEvent, AmiResponse } from "@/asterisk/ami/types";
import { contactStatusOf, isSettled } from "./contact-status";

const response = (events: AmiEvent[]): AmiResponse => ({ response: "Success", message: "", actionId: "1", fields: {}, events });
const contact = (fields: Record<string, string>): AmiEvent => ({ event: "ContactStatusDetail", fields });

describe("contactStatusOf", () => {
  it("reads capture 15's not-yet-qualified contact: NonQualified, no RTT, not settled", () => {
    const status = contactStatusOf(
      response([
        { event: "EndpointDetail", fields: { objectname: "acme_1001" } },
        contact({ aor: "acme_1001", uri: "sip:acme_1001@127.0.0.1:5071", status: "NonQualified", roundtripusec: "N/A" }),
        { event: "EndpointDetailComplete", fields: {} },
      ]),
    );
    expect(status).toEqual({ status: "NonQualified", rttMs: null, contact: "sip:acme_1001@127.0.0.1:5071", reachable: false });
    expect(isSettled(status)).toBe(false);
  });

  it("converts RoundtripUsec to milliseconds and prefers the reachable, fastest contact", () => {
    const status = contactStatusOf(
      response([
        contact({ uri: "sip:a@198.51.100.1", status: "Unreachable", roundtripusec: "0" }),
        contact({ uri: "sip:b@198.51.100.2", status: "Reachable", roundtripusec: "48210" }),
        contact({ uri: "sip:c@198.51.100.3", status: "Reachable", roundtripusec: "12345" }),
      ]),
    );
    expect(status).toEqual({ status: "Reachable", rttMs: 12.3, contact: "sip:c@198.51.100.3", reachable: true });
    expect(isSettled(status)).toBe(true);
  });

  it("accepts headers in any case, and says no_contact when the endpoint has none", () => {
    expect(contactStatusOf(response([{ event: "contactstatusdetail", fields: { URI: "sip:x", Status: "Unreachable" } }]))).toMatchObject({
      status: "Unreachable",
      contact: "sip:x",
      reachable: false,
    });
    const none = contactStatusOf(response([{ event: "EndpointDetail", fields: {} }]));
    expect(none).toEqual({ status: "no_contact", rttMs: null, contact: null, reachable: false });
    expect(isSettled(none)).toBe(true);
  });
});
