/**
 * A bounded memo of a function of one string. The normalizer asks for the same words' keys and
 * readings many times over (every span, every pass, every morphology reading), and names repeat
 * across a corpus; when the memo is full it starts over, which keeps it bounded and simple.
 */
export function memoize<V>(compute: (key: string) => V, size: number): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    if (cache.size >= size) cache.clear();
    cache.set(key, value);
    return value;
  };
}
