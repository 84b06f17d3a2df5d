/**
 * Loading the romanization data files shipped in `data/romanization/` (resolved relative to the
 * package root). Each file is read once per process, on first use.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { RomanizationTable } from './engine.js';

/** Where the romanization tables live. */
export function romanizationDataDir(): string {
  return packagePath('data', 'romanization');
}

const cache = new Map<string, unknown>();

/** Read and parse one data file (cached). */
export function readDataFile<T>(file: string): T {
  let value = cache.get(file);
  if (value === undefined) {
    value = JSON.parse(readFileSync(packagePath('data', 'romanization', file), 'utf8')) as unknown;
    cache.set(file, value);
  }
  return value as T;
}

/** The files of `data/romanization/`, sorted. */
export function dataFiles(): string[] {
  return readdirSync(romanizationDataDir()).filter((f) => f.endsWith('.json')).sort();
}

/** Every letter table (files with a `letters` map), keyed by scheme id. */
export function letterTables(): Map<string, RomanizationTable> {
  const tables = new Map<string, RomanizationTable>();
  for (const file of dataFiles()) {
    const data = readDataFile<Partial<RomanizationTable>>(file);
    if (data.letters !== undefined && data.scheme !== undefined) tables.set(data.scheme, data as RomanizationTable);
  }
  return tables;
}

/** `data/romanization/russian.json`: the iuliia schemes used, in priority order. */
export interface RussianSchemesFile {
  title: string;
  description: string;
  langs: string[];
  schemes: { scheme: string; iuliia: string; title: string }[];
  samples: { scheme: string; lang: string; native: string; latin: string }[];
}

/** `data/romanization/ru-morphology.json`. */
export interface MorphologyFile {
  /** The schemes that romanize each kind of form. */
  romanizeWith: Record<'ru-case' | 'ru-adjective' | 'en-calque', string[]>;
  nounEndings: { ending: string; forms: string[]; replace: string; personOnly?: boolean }[];
  consonants: string;
  adjective: { pattern: string; velarForms: string[]; hardForms: string[] };
  areaNouns: Record<string, { genitive: string; english: string[] }>;
  englishAreaSuffixes: Record<string, string[]>;
  /** First words of place names that MT renders in English (`Новый` → `New`), lower case. */
  englishCalques: { comment: string; words: Record<string, string> };
  samples: { name: string; kind: string; includes: string[] }[];
}
