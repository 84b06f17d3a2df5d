/**
 * A small subset of XPath for choosing the XML elements that hold text: `a/b//c`, `*`,
 * and `[@attr='value']` predicates (`TEI/text/body//p`, `//div[@type='article']//p`).
 * Paths are matched against the chain of open elements, root first, so `a/b` means the
 * root is `a`; a leading `//` matches at any depth.
 */
import { UsageError } from '../errors.js';

interface Step {
  /** True when the step follows `//` (any number of elements in between). */
  descendant: boolean;
  name: string;
  attribute?: { name: string; value: string };
}

/** A compiled path. */
export interface XmlPath {
  readonly source: string;
  /** Does the element chain (root first, the candidate last) match? */
  matches(chain: ReadonlyArray<{ name: string; attributes: Record<string, string> }>): boolean;
}

const stepPattern = /^([^\s[\]/]+)(?:\[@([^\s=\]]+)\s*=\s*(?:'([^']*)'|"([^"]*)")\])?$/;

/** Compile `--xml-text-path`. Throws a UsageError for what it cannot read. */
export function compileXmlPath(source: string): XmlPath {
  const steps: Step[] = [];
  const parts = source.trim().replace(/^\/(?!\/)/, '').split('/');
  let descendant = false;
  for (const [index, part] of parts.entries()) {
    if (part === '') {
      if (index === parts.length - 1) throw new UsageError(`--xml-text-path '${source}' ends with '/'`);
      descendant = true;
      continue;
    }
    const match = stepPattern.exec(part);
    if (!match) throw new UsageError(`--xml-text-path: cannot read step '${part}' of '${source}' (use a/b//c, *, [@attr='value'])`);
    const step: Step = { descendant, name: match[1]! };
    if (match[2] !== undefined) step.attribute = { name: match[2], value: match[3] ?? match[4] ?? '' };
    steps.push(step);
    descendant = false;
  }
  if (steps.length === 0) throw new UsageError(`--xml-text-path '${source}' names no element`);

  const stepMatches = (step: Step, element: { name: string; attributes: Record<string, string> }): boolean => {
    if (step.name !== '*' && step.name !== element.name && step.name !== localName(element.name)) return false;
    return step.attribute === undefined || element.attributes[step.attribute.name] === step.attribute.value;
  };
  // Match steps right to left so the last step is the candidate element itself.
  const matchFrom = (chain: ReadonlyArray<{ name: string; attributes: Record<string, string> }>, stepIndex: number, chainIndex: number): boolean => {
    if (stepIndex < 0) return chainIndex < 0;
    if (chainIndex < 0) return false;
    const step = steps[stepIndex]!;
    if (!stepMatches(step, chain[chainIndex]!)) return false;
    if (stepIndex === 0) return step.descendant ? true : chainIndex === 0;
    const previous = steps[stepIndex - 1]!;
    if (!step.descendant) return matchFrom(chain, stepIndex - 1, chainIndex - 1);
    for (let k = chainIndex - 1; k >= 0; k--) if (matchFrom(chain, stepIndex - 1, k) && stepMatches(previous, chain[k]!)) return true;
    return false;
  };
  return { source, matches: (chain) => matchFrom(chain, steps.length - 1, chain.length - 1) };
}

/** `tei:p` → `p`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
