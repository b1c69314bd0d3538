// The rating rules (issue 7), pure: which rate applies to a call and what each side charges.
// server/services/billing/README.md states them in prose; the tests hold them to it.

export type RateRow = {
  id: string;
  /** E.164 digits without "+". */
  prefix: string;
  description: string;
  pricePerMinuteMicros: bigint;
  connectionFeeMicros: bigint;
  minSeconds: number;
  incrementSeconds: number;
  /** Epoch milliseconds; the rate applies to calls started in [effectiveFrom, effectiveTo). */
  effectiveFrom: number;
  effectiveTo: number | null;
};

/** The seconds a rate bills: 0 unanswered; else at least the minimum, rounded up to the increment. */
export function billedSeconds(answeredSec: number, rate: Pick<RateRow, "minSeconds" | "incrementSeconds">): number {
  if (!(answeredSec > 0)) return 0;
  const atLeast = Math.max(Math.ceil(answeredSec), rate.minSeconds);
  return Math.ceil(atLeast / rate.incrementSeconds) * rate.incrementSeconds;
}

/**
 * What a rate charges for a call, in micro-reais: the connection fee plus billed seconds × price / 60,
 * the per-second part rounded half up to the micro-real. Nothing (not even the fee) when nothing is
 * billed: an unanswered call costs and pays nothing. bigint throughout, so huge durations stay exact.
 */
export function chargeMicros(billedSec: number, rate: Pick<RateRow, "pricePerMinuteMicros" | "connectionFeeMicros">): bigint {
  if (billedSec <= 0) return 0n;
  // The same arithmetic in doubles while every intermediate is an integer below 2^53 (exact there):
  // a rating run prices two sides of a million calls, and each bigint operation allocates.
  // (A sum or product whose exact value passes 2^53 − 1 comes out at 2^53 or more, so the checks
  // on the results are enough.)
  const scaled = billedSec * Number(rate.pricePerMinuteMicros) + 30;
  if (scaled <= Number.MAX_SAFE_INTEGER) {
    const total = Number(rate.connectionFeeMicros) + (scaled - (scaled % 60)) / 60;
    if (total <= Number.MAX_SAFE_INTEGER) return BigInt(total);
  }
  return rate.connectionFeeMicros + (BigInt(billedSec) * rate.pricePerMinuteMicros + 30n) / 60n;
}

/** A deck's rates indexed for longest-prefix match at an instant. */
export type RateIndex = {
  readonly size: number;
  /** The rate of the longest prefix of `number` that has a rate effective at `at`; null when none. */
  match(number: string, at: number): RateRow | null;
};

const MAX_PREFIX = 15;

/** The rate of `list` (sorted by effectiveFrom) in effect at `at`, if any. Periods never overlap. */
function inEffect(list: RateRow[], at: number): RateRow | null {
  for (let i = list.length - 1; i >= 0; i--) {
    const rate = list[i]!;
    if (rate.effectiveFrom <= at) return rate.effectiveTo === null || at < rate.effectiveTo ? rate : null;
  }
  return null;
}

/**
 * A digit trie laid out flat: node n's child for digit d is `children[n * 10 + d]` (0: none; the
 * root, node 0, is nobody's child), and `rates[n]` holds the rates of the prefix ending at n.
 */
class DigitTrie {
  children = new Int32Array(10 * 1024);
  readonly rates: Array<RateRow[] | undefined> = [undefined];
  nodes = 1;

  /** The node of `prefix` (made on the way), or -1 when it is not all digits. */
  nodeOf(prefix: string): number {
    let node = 0;
    for (let i = 0; i < prefix.length; i++) {
      const digit = prefix.charCodeAt(i) - 48;
      // Prefixes are digits (a CHECK in the database); anything else could never match a number.
      if (digit < 0 || digit > 9) return -1;
      let child = this.children[node * 10 + digit]!;
      if (child === 0) {
        child = this.nodes++;
        if (child * 10 + 10 > this.children.length) {
          const grown = new Int32Array(this.children.length * 2);
          grown.set(this.children);
          this.children = grown;
        }
        this.rates.push(undefined);
        this.children[node * 10 + digit] = child;
      }
      node = child;
    }
    return node;
  }
}

// A trie rather than a map of prefix strings: a rating run matches two sides of a million calls,
// and walking digits costs a few array reads where a map costs a substring and a hash per length.
// Flat typed arrays rather than a node object per digit: a deck of 50,000 prefixes has hundreds of
// thousands of nodes, and following object pointers through them was most of a run's matching time.
export function buildRateIndex(rates: Iterable<RateRow>): RateIndex {
  const trie = new DigitTrie();
  let size = 0;
  for (const rate of rates) {
    size++;
    const node = rate.prefix.length > 0 ? trie.nodeOf(rate.prefix) : -1;
    if (node < 0) continue;
    const list = trie.rates[node];
    if (list) list.push(rate);
    else trie.rates[node] = [rate];
  }
  for (const list of trie.rates) list?.sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const children = trie.children.subarray(0, trie.nodes * 10);
  const lists = trie.rates;
  // The rate lists met on the way down, reused from call to call.
  const path = new Array<RateRow[]>(MAX_PREFIX);
  return {
    size,
    match(number, at) {
      let found = 0;
      let node = 0;
      const length = Math.min(MAX_PREFIX, number.length);
      for (let i = 0; i < length; i++) {
        const digit = number.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) break;
        node = children[node * 10 + digit]!;
        if (node === 0) break;
        const list = lists[node];
        if (list !== undefined) path[found++] = list;
      }
      // Longest first; a prefix whose rates are all out of their period falls through to a shorter one.
      for (let i = found - 1; i >= 0; i--) {
        const rate = inEffect(path[i]!, at);
        if (rate) return rate;
      }
      return null;
    },
  };
}

export type CallToRate = {
  /** E.164 digits the call was matched on (the dialled number outbound, the DID inbound). */
  number: string;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Talk time (Cdr billsec); 0 when unanswered. */
  answeredSec: number;
};

export type UnratableReason = "no_sell_deck" | "no_sell_rate" | "no_buy_deck" | "no_buy_rate";

export type ChargeResult = {
  status: "rated" | "unratable";
  unratableReason: UnratableReason | null;
  destination: string | null;
  billedSecSell: number;
  billedSecBuy: number;
  priceMicros: bigint | null;
  costMicros: bigint | null;
  marginMicros: bigint | null;
  sellRateId: string | null;
  buyRateId: string | null;
};

/**
 * Rates one call against the sell side (what the tenant pays) and the buy side (what the provider
 * charges). A missing deck or rate on a side that has to bill flags the call as unratable, naming
 * the side; it is never rated as zero. An unanswered call bills nothing on either side, so it is
 * rated at zero even without rates (the rates found are still recorded).
 */
export function rateCall(call: CallToRate, sell: RateIndex | null, buy: RateIndex | null): ChargeResult {
  const sellRate = sell ? sell.match(call.number, call.startedAt) : null;
  const buyRate = buy ? buy.match(call.number, call.startedAt) : null;
  const billedSecSell = sellRate ? billedSeconds(call.answeredSec, sellRate) : 0;
  const billedSecBuy = buyRate ? billedSeconds(call.answeredSec, buyRate) : 0;
  const unanswered = !(call.answeredSec > 0);
  const reason: UnratableReason | null = unanswered
    ? null
    : !sell
      ? "no_sell_deck"
      : !sellRate
        ? "no_sell_rate"
        : !buy
          ? "no_buy_deck"
          : !buyRate
            ? "no_buy_rate"
            : null;
  // One object shape for every result, built in one go: this runs a million times per rating run.
  const priceMicros = sellRate ? chargeMicros(billedSecSell, sellRate) : reason ? null : 0n;
  const costMicros = reason ? null : buyRate ? chargeMicros(billedSecBuy, buyRate) : 0n;
  return {
    status: reason ? "unratable" : "rated",
    unratableReason: reason,
    destination: sellRate ? sellRate.description : null,
    billedSecSell,
    billedSecBuy,
    priceMicros,
    costMicros,
    marginMicros: reason ? null : priceMicros! - costMicros!,
    sellRateId: sellRate ? sellRate.id : null,
    buyRateId: buyRate ? buyRate.id : null,
  };
}
