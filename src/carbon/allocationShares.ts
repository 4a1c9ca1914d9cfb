/** How the shared digital infrastructure is split across its users (use cases, services, communes). */
export type AllocationMethod = 'devices' | 'data' | 'equal';

const METHODS: readonly AllocationMethod[] = ['devices', 'data', 'equal'];

/**
 * Shares of a shared digital infrastructure (LoRaWAN/NB-IoT gateways, network, platform) that each user
 * carries, for mutualisation: one gateway network serving the lighting, water and buildings use cases is paid
 * and emitted once, and each use case carries its share.
 *
 * `keys` maps each user to its allocation key; the method says what the key is and how it splits:
 * - `devices`: the key is the number of connected devices the user deploys [devices]; shares are proportional;
 * - `data`: the key is the data its devices send [MB/yr]; shares are proportional;
 * - `equal`: the key only says whether the user takes part (> 0); each participant gets `1 / n`, where `n`
 *   counts the entries with a key > 0.
 * Entries with a key of 0 get a share of 0. The shares sum to 1 (to rounding).
 *
 * The choice of key is a convention, not a physical fact: `devices` suits gateways sized by node count,
 * `data` suits network and platform costs driven by traffic; report which one is used.
 * @param keys allocation key by user [devices or MB/yr; for `equal`, any positive number marks a participant]
 * @param method `devices`, `data` or `equal`
 * @returns share of each user [fraction], same keys as the input, summing to 1
 * @throws RangeError (naming `allocationShares`) on an unknown method, a negative or non-finite key, or keys
 *   that sum to zero (nobody to allocate to).
 * @example allocationShares({ lighting: 300, water: 100 }, 'devices') // { lighting: 0.75, water: 0.25 }
 * @example allocationShares({ lighting: 300, water: 100, buildings: 0 }, 'equal') // { lighting: 0.5, water: 0.5, buildings: 0 }
 */
export function allocationShares(keys: Record<string, number>, method: AllocationMethod): Record<string, number> {
  if (!METHODS.includes(method)) {
    throw new RangeError(`allocationShares: method must be one of ${METHODS.join(', ')}, received ${String(method)}`);
  }
  const names = Object.keys(keys);
  let total = 0;
  let participants = 0;
  for (const name of names) {
    const key = keys[name];
    if (!Number.isFinite(key) || key < 0) {
      throw new RangeError(`allocationShares: the key of "${name}" must be a finite number ≥ 0, received ${key}`);
    }
    total += key;
    if (key > 0) participants++;
  }
  if (participants === 0) {
    throw new RangeError(
      `allocationShares: the keys sum to zero (${names.length} entries), so there is nobody to allocate to; ` +
        'give at least one user a key > 0',
    );
  }
  // Object.fromEntries defines own properties, so any user name (even `__proto__`) is kept as a key.
  return Object.fromEntries(names.map((name) => [name, allocationShare(keys[name], total, participants, method)]));
}

/**
 * One user's share, from its key and the totals `allocationShares` computes (the rule it applies to each entry,
 * for loops that know the totals already and need one share without building records). No checks.
 * @param key the user's allocation key (≥ 0)
 * @param total sum of all keys (> 0)
 * @param participants number of keys > 0 (≥ 1)
 * @returns the share [fraction]
 * @example allocationShare(300, 400, 2, 'devices') // 0.75
 * @example allocationShare(300, 400, 2, 'equal') // 0.5
 */
export function allocationShare(key: number, total: number, participants: number, method: AllocationMethod): number {
  return key === 0 ? 0 : method === 'equal' ? 1 / participants : key / total;
}
