import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { billedSeconds, chargeMicros, type ChargeResult } from "./rate-call";

// Calls received on a number with a per-minute price (an 0800, a national-rate number): the DID's
// own prices make a synthetic 1/1 rate for both sides — the provider's per-minute cost as the buy
// side, the tenant's per-minute price as the sell side. There is no deck row behind it, so the
// charge names no rate ids; the DID's prices at rating time apply (re-rating a period after a price
// change applies the new ones).

export type InboundDid = {
  /** Digits of the DID ("551130000001"). */
  digits: string;
  providerId: string;
  costPerMinuteMicros: bigint;
  pricePerMinuteMicros: bigint;
  /** Every tenant that holds or held the number: its calls are billed to them. */
  tenantIds: ReadonlySet<string>;
};

const PER_SECOND = { minSeconds: 1, incrementSeconds: 1 } as const;

/** The destination an invoice groups these calls under: "Chamadas recebidas +55 11 3000-0001". */
export function inboundDestination(digits: string): string {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return `Chamadas recebidas ${parsed ? parsed.formatInternational() : `+${digits}`}`;
}

export function rateInboundDidCall(
  answeredSec: number,
  did: Pick<InboundDid, "costPerMinuteMicros" | "pricePerMinuteMicros">,
  destination: string,
): ChargeResult {
  const billed = billedSeconds(answeredSec, PER_SECOND);
  const priceMicros = chargeMicros(billed, { pricePerMinuteMicros: did.pricePerMinuteMicros, connectionFeeMicros: 0n });
  const costMicros = chargeMicros(billed, { pricePerMinuteMicros: did.costPerMinuteMicros, connectionFeeMicros: 0n });
  return {
    status: "rated",
    unratableReason: null,
    destination,
    billedSecSell: billed,
    billedSecBuy: billed,
    priceMicros,
    costMicros,
    marginMicros: priceMicros - costMicros,
    sellRateId: null,
    buyRateId: null,
  };
}
