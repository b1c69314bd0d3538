import { describe, expect, it } from "vitest";
import { candidateWhere, deletePeriodCharges } from "./candidate-calls-sql";
import { chargeId } from "./charge-id";
import { copyText, readCopyText } from "./copy-text";
import { inboundDestination, rateInboundDidCall } from "./inbound-did-rate";
import { didDigits, ratingNumber } from "./rating-number";

describe("ratingNumber", () => {
  it("rates on E.164 digits: no +, no separators, no 00 international access code", () => {
    expect(ratingNumber("+55 (11) 98765-4321")).toBe("5511987654321");
    expect(ratingNumber("5511987654321")).toBe("5511987654321");
    expect(ratingNumber("0054911555544")).toBe("54911555544");
    expect(ratingNumber("+0054")).toBe("0054");
    expect(ratingNumber("1234567890123456789012345")).toBe("12345678901234567890");
    expect(ratingNumber("")).toBeNull();
    expect(ratingNumber(null)).toBeNull();
    expect(ratingNumber("abc")).toBeNull();
    expect(didDigits("+55 800 777 0001")).toBe("558007770001");
  });
});

describe("COPY text", () => {
  it("escapes what would break a row and reads it back", () => {
    const tricky = "Brasil\tMóvel\\SP\nlinha\r";
    expect(copyText(tricky)).toBe("Brasil\\tMóvel\\\\SP\\nlinha\\r");
    expect(readCopyText(copyText(tricky))).toBe(tricky);
    expect(copyText(null)).toBe("\\N");
    expect(readCopyText("\\N")).toBeNull();
    expect(copyText("Brasil Móvel SP")).toBe("Brasil Móvel SP");
  });
});

describe("chargeId", () => {
  it("makes distinct version 7 UUIDs that sort by time", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => chargeId(1_763_700_000_000)));
    expect(ids.size).toBe(10_000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(chargeId(1_763_700_000_000).slice(0, 13)).toBe("019aa4b6-4500");
    expect(chargeId(1_763_700_000_000) < chargeId(1_763_700_000_001)).toBe(true);
  });
});

describe("the run's SQL literals", () => {
  it("refuses anything that is not a uuid, digits or a valid instant", () => {
    expect(() => candidateWhere({ kind: "rate", tenantIds: ['x\'; DROP TABLE "Call"; --'] }, [])).toThrow(/not a uuid/);
    expect(() =>
      candidateWhere({ kind: "rate", tenantIds: null }, [{ digits: "55' OR true --", tenantId: "00000000-0000-4000-8000-000000000000" }]),
    ).toThrow(/digits/);
    expect(() => deletePeriodCharges(new Date("nope"), new Date(), null)).toThrow(/invalid date/);
    expect(candidateWhere({ kind: "rate", tenantIds: [] }, [])).toContain("false");
  });
});

describe("inbound calls on a priced DID", () => {
  it("bills per second from the DID's own prices, nothing when unanswered", () => {
    const did = { pricePerMinuteMicros: 150_000n, costPerMinuteMicros: 90_000n };
    expect(rateInboundDidCall(61, did, "0800")).toMatchObject({
      status: "rated",
      billedSecSell: 61,
      billedSecBuy: 61,
      priceMicros: 152_500n,
      costMicros: 91_500n,
      marginMicros: 61_000n,
      sellRateId: null,
      buyRateId: null,
    });
    expect(rateInboundDidCall(0, did, "0800")).toMatchObject({ billedSecSell: 0, priceMicros: 0n, costMicros: 0n });
    expect(inboundDestination("558007770001")).toMatch(/^Chamadas recebidas \+55 800/);
  });
});
