import { chargeId } from "./charge-id";
import { COPY_NULL, copyText, readCopyText } from "./copy-text";
import { rateInboundDidCall } from "./inbound-did-rate";
import { rateCall, type ChargeResult } from "./rate-call";
import type { RatingContext } from "./rating-context";
import { didDigits, ratingNumber } from "./rating-number";

// One call in (a line of candidateSelect's COPY output), one charge out (a line of
// COPY_CHARGES_IN). Synchronous and allocation-light: it runs a million times per run.

/** What the lines produced so far (the run moves them onto its counters batch by batch). */
export type LineCounters = { rated: number; unratable: number };

/**
 * A charge needs a number (CHECK: 1–20 digits). A call with no digits at all matches no rate
 * (unratable when answered, zero when not); "0" stands in for the missing number.
 */
const NO_NUMBER = "0";

const big = (value: bigint | null) => (value === null ? COPY_NULL : value.toString());
const text = (value: string | null) => (value === null ? COPY_NULL : value);

export function chargeLineTransform(context: RatingContext, counters: LineCounters): (line: string) => string | null {
  const escaped = new Map<string, string>();
  const destinationField = (destination: string | null) => {
    if (destination === null) return COPY_NULL;
    let field = escaped.get(destination);
    if (field === undefined) {
      field = copyText(destination);
      escaped.set(destination, field);
    }
    return field;
  };

  return (line) => {
    const f = line.split("\t");
    const callId = f[0]!;
    const tenantId = f[1]!;
    const direction = f[2]!;
    const dialled = readCopyText(f[3]!);
    const startedAtText = f[4]!;
    const startedAt = Number(f[5]);
    const answeredText = f[6]!;
    const answeredSec = Number(answeredText);
    const gatewayField = f[7]!;

    let number: string;
    let result: ChargeResult;
    let providerId: string | null;
    if (direction === "inbound") {
      const did = context.inboundDid(didDigits(dialled), tenantId);
      // The run's SQL reads only inbound calls to priced DIDs of their tenant; nothing else to do.
      if (!did) return null;
      number = did.digits.slice(0, 20);
      result = rateInboundDidCall(answeredSec, did, did.destination);
      providerId = did.providerId;
    } else {
      const buy = context.buyFor(readCopyText(gatewayField));
      number = ratingNumber(dialled) ?? NO_NUMBER;
      result = rateCall({ number: number === NO_NUMBER ? "" : number, startedAt, answeredSec }, context.sellFor(tenantId), buy.index);
      providerId = buy.providerId;
    }
    if (result.status === "rated") counters.rated++;
    else counters.unratable++;

    return `${chargeId()}\t${tenantId}\t${callId}\t${startedAtText}\t${direction}\t${number}\t${result.status}\t${text(result.unratableReason)}\t${destinationField(result.destination)}\t${answeredText}\t${result.billedSecSell}\t${result.billedSecBuy}\t${big(result.priceMicros)}\t${big(result.costMicros)}\t${big(result.marginMicros)}\t${text(result.sellRateId)}\t${text(result.buyRateId)}\t${gatewayField}\t${text(providerId)}\n`;
  };
}
