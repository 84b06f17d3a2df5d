/**
 * Unannotated clean English for the normalizer's eval and benchmark: one text per line, read in
 * documents of ten lines (about a short news story each).
 */
import { readFileSync } from 'node:fs';

/**
 * Third-party English sentences on any topic (Lingua's test data) in the team's shared data. Only
 * scripts read it, and only where it is checked out: users, tests and CI do not have it.
 */
export const THIRD_PARTY_ENGLISH = '../shared/data/langid/lingua/sentences/en.txt';

/** The documents of a one-text-per-line file: ten non-empty lines each, joined by spaces. */
export function readLineDocuments(file: string, linesPerDocument = 10): string[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const documents: string[] = [];
  for (let i = 0; i < lines.length; i += linesPerDocument) documents.push(lines.slice(i, i + linesPerDocument).join(' '));
  return documents;
}
