/** Parsers for option values; each throws a UsageError naming the flag. */
import { UsageError } from '../errors.js';

/** `rus,ukr,eng` → `['rus','ukr','eng']`, checking each is a 3-letter code. */
export function parseLanguageList(value: string, flag: string): string[] {
  const codes = value.split(',').map((code) => code.trim().toLowerCase()).filter(Boolean);
  const bad = codes.find((code) => !/^[a-z]{3}$/.test(code));
  if (codes.length === 0 || bad !== undefined) {
    throw new UsageError(`${flag} expects comma-separated ISO 639-3 codes (e.g. rus,ukr,eng), got '${value}'`);
  }
  return codes;
}

/** A number within [min, max]. */
export function parseNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${flag} expects a number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** A positive integer. */
export function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} expects a positive integer, got '${value}'`);
  return n;
}

/** A BCP-47 language tag such as `en`, `ru`, `uz-Cyrl`. */
export function parseLanguageTag(value: string, flag: string): string {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) throw new UsageError(`${flag} expects a language tag such as 'en' or 'ru', got '${value}'`);
  return value;
}
