/**
 * Classify one stretch of text (no segmentation): dominant script → candidate languages
 * written in it → evidence from franc's trigrams, eld's n-grams and the alphabets →
 * probabilities (softmax) → best language, or `und` with a reason.
 */
import { asTuples } from 'trigram-utils';
import { data as francData } from 'franc/data.js';
import type { Detection, LanguageCandidate } from '../document.js';
import { PIPELINE_LANGUAGES, toBcp47, type LanguageProfile } from './languages.js';
import { SCRIPTS, dominantScript, keepScript, scriptCensus, scriptInfo } from './scripts.js';
import type { EldModel } from './eld.js';
import { iso6393To1 } from 'iso-639-3';

/** Settled options for one classification (see `DetectOptions` for the public ones). */
export interface ClassifyOptions {
  only?: readonly string[];
  ignore?: readonly string[];
  /** Below this many letters of the dominant script the answer is `und`. */
  minLength: number;
  /** Below this gap between the two best probabilities the answer is `und`. */
  minMargin: number;
  /** `pipeline`: the 15 pipeline languages (other scripts: all franc knows); `all`: every language franc knows. */
  scope: 'pipeline' | 'all';
  /** How many candidates to list. */
  maxCandidates: number;
  /** eld, when loaded and wanted. */
  eld?: EldModel;
  /** Weights of the evidence (tuning knobs, exposed for the evaluation script). */
  weights?: Partial<EvidenceWeights>;
  /** Log-odds added per language before any evidence (e.g. the document's language when judging a sentence of it). */
  prior?: Record<string, number>;
}

/** Weights of each kind of evidence, in log-odds per unit. */
export interface EvidenceWeights {
  /** Per trigram that franc's model lacks (franc's 300-point distance unit). */
  franc: number;
  /** Per unit of eld's n-gram score, times eld's n-gram count. */
  eld: number;
  /** Per occurrence of a letter outside the language's alphabet. */
  foreignLetter: number;
  /** Cap on the penalty for one foreign letter type, in occurrences. */
  foreignLetterCap: number;
  /** Scales the "no marker letters seen" evidence. */
  markerAbsence: number;
  /**
   * Where languages eld does not know stand on eld's scale: 0 = level with eld's best
   * candidate, 1 = at the mean of the candidates eld knows.
   */
  eldUnknown: number;
  /** Divides the summed evidence before the softmax, so that confidence matches accuracy. */
  temperature: number;
  /** Per match of a language's typical letter sequences. */
  pattern: number;
  /** Per occurrence of a letter the language uses only in loanwords (capped like foreign letters). */
  rareLetter: number;
  /** Share of a related language's eld score that stands in for a language eld does not know (0 = none). */
  eldProxy: number;
}

export const DEFAULT_WEIGHTS: EvidenceWeights = {
  franc: 1,
  eld: 0.05,
  foreignLetter: 3,
  foreignLetterCap: 3,
  markerAbsence: 1,
  eldUnknown: 0,
  temperature: 1,
  pattern: 1.5,
  rareLetter: 1,
  eldProxy: 0.1,
};

/** A language the classifier may answer with. */
interface Candidate {
  iso6393: string;
  profile?: LanguageProfile;
  /** Trigram model from franc, when franc has one for this script. */
  francModel?: Record<string, number>;
  /** eld's code, when eld knows the language. */
  eld?: string;
}

const francModels = new Map<string, Map<string, Record<string, number>>>();
for (const [group, languages] of Object.entries(francData)) {
  const models = new Map<string, Record<string, number>>();
  for (const [code, model] of Object.entries(languages)) {
    const ranks: Record<string, number> = Object.create(null) as Record<string, number>;
    model.split('|').forEach((trigram, rank) => (ranks[trigram] = rank));
    models.set(code, ranks);
  }
  francModels.set(group, models);
}

/** What franc offers for a script: its only language, or its group of trigram models. */
function francSource(script: string): { single?: string; group?: Map<string, Record<string, number>> } {
  if (script === 'Jpan') return { single: 'jpn' };
  const info = scriptInfo(script);
  const source: { single?: string; group?: Map<string, Record<string, number>> } = {};
  if (info?.single) source.single = info.single;
  const group = info?.francGroup ? francModels.get(info.francGroup) : undefined;
  if (group) source.group = group;
  return source;
}

/** Every ISO 639-3 code the detector can answer with, per script. */
export function knownLanguages(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const script of [...SCRIPTS.map((info) => info.code), 'Jpan']) {
    const { single, group } = francSource(script);
    const codes = new Set([...PIPELINE_LANGUAGES.filter((profile) => profile.script === script).map((profile) => profile.iso6393), ...(single ? [single] : []), ...(group?.keys() ?? [])]);
    if (codes.size > 0) out.set(script, codes);
  }
  return out;
}

function candidatesFor(script: string, options: ClassifyOptions, eld: EldModel | undefined): Candidate[] {
  const { single, group } = francSource(script);
  const codes = new Set<string>();
  const pipeline = PIPELINE_LANGUAGES.filter((profile) => profile.script === script);
  const restricted = options.only !== undefined && options.only.length > 0;
  for (const profile of pipeline) codes.add(profile.iso6393);
  if (restricted || options.scope === 'all' || pipeline.length === 0) {
    if (single) codes.add(single);
    for (const code of group?.keys() ?? []) codes.add(code);
  }
  const allowed = [...codes].filter((code) => (!restricted || options.only!.includes(code)) && !(options.ignore ?? []).includes(code));
  return allowed.map((iso6393) => {
    const candidate: Candidate = { iso6393 };
    const profile = PIPELINE_LANGUAGES.find((p) => p.iso6393 === iso6393 && p.script === script);
    if (profile) candidate.profile = profile;
    const model = group?.get(iso6393);
    if (model) candidate.francModel = model;
    const eldCode = profile ? profile.eld : iso6393To1[iso6393];
    if (eld && eldCode !== undefined && eld.languages.has(eldCode)) candidate.eld = eldCode;
    return candidate;
  });
}

const patterns = new Map<LanguageProfile, RegExp>();
function patternOf(profile: LanguageProfile): RegExp {
  let pattern = patterns.get(profile);
  if (pattern === undefined) {
    pattern = new RegExp(profile.patterns ?? '(?!)', 'gu');
    patterns.set(profile, pattern);
  }
  return pattern;
}

const alphabetUnions = new Map<string, Set<string>>();

/** Letters of any of these alphabets (cached: the same few candidate sets recur). */
function unionOfAlphabets(profiles: LanguageProfile[]): Set<string> {
  const key = profiles.map((profile) => profile.bcp47).join(',');
  let union = alphabetUnions.get(key);
  if (union === undefined) {
    union = new Set(profiles.flatMap((profile) => [...profile.alphabet]));
    alphabetUnions.set(key, union);
  }
  return union;
}

/** franc's distance (see franc's `getDistance`): 300 per trigram the model lacks, else the rank gap. */
function francDistance(trigrams: Array<[string, number]>, model: Record<string, number>): number {
  let distance = 0;
  for (const [trigram, count] of trigrams) {
    const rank = model[trigram];
    distance += rank === undefined ? 300 : Math.abs(count - rank - 1);
  }
  return distance;
}

/** Uzbek oʻ/gʻ are often typed with ‘ ’ ' or `; read them as the modifier letter ʻ. */
function unifyOkina(text: string): string {
  return text.replace(/(?<=[oOgG])['‘’`](?=\p{L})/gu, 'ʻ');
}

const isLetter = /^\p{L}$/u;

function und(reason: string, script: string, candidates: LanguageCandidate[] = []): Detection {
  return { iso6393: 'und', bcp47: 'und', script, confidence: 0, candidates, reason };
}

const SCRIPT_NAMES: Record<string, string> = { Latn: 'Latin', Cyrl: 'Cyrillic', Arab: 'Arabic', Hani: 'Han', Jpan: 'Japanese', Hang: 'Hangul', Deva: 'Devanagari', Grek: 'Greek', Hebr: 'Hebrew' };

/** Whether classifying `text` would compare several languages (and so could use eld). */
export function comparesLanguages(text: string, options: ClassifyOptions): boolean {
  const dominant = dominantScript(scriptCensus(text));
  if (dominant === undefined || dominant.letters < options.minLength) return false;
  return candidatesFor(dominant.code, options, undefined).length > 1;
}

/** Classify one stretch of text. */
export function classify(text: string, options: ClassifyOptions): Detection {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const census = scriptCensus(text);
  const dominant = dominantScript(census);
  if (dominant === undefined) return und(census.letters === 0 ? 'no letters' : 'no known script', 'Zyyy');
  const script = dominant.code;
  if (dominant.letters < options.minLength) {
    return und(`too short: ${dominant.letters} letter${dominant.letters === 1 ? '' : 's'}, at least ${options.minLength} needed`, script);
  }
  const eld = options.eld;
  const candidates = candidatesFor(script, options, eld);
  if (candidates.length === 0) {
    return und(`no allowed language is written in ${SCRIPT_NAMES[script] ?? script} script`, script);
  }

  const evidence = new Map<string, number>(candidates.map((candidate) => [candidate.iso6393, options.prior?.[candidate.iso6393] ?? 0]));
  const add = (code: string, value: number) => evidence.set(code, (evidence.get(code) ?? 0) + value);
  // NFKC folds presentation forms (ﺳﯿﺘﻪ → سیته) and full-width letters into the letters the models know.
  const own = unifyOkina(keepScript(text.slice(0, 8192).normalize('NFKC'), script)).slice(0, 4096);

  if (candidates.length > 1) {
    // franc: trigram distances, in units of one missing trigram.
    const francCandidates = candidates.filter((candidate) => candidate.francModel);
    if (francCandidates.length > 1) {
      const trigrams = asTuples(own);
      const distances = francCandidates.map((candidate) => francDistance(trigrams, candidate.francModel!));
      const best = Math.min(...distances);
      francCandidates.forEach((candidate, i) => add(candidate.iso6393, (-weights.franc * (distances[i]! - best)) / 300));
    }

    // eld: n-gram evidence for the languages it knows, relative to the best of them;
    // languages eld does not know are placed between its best and its average candidate.
    const eldCandidates = candidates.filter((candidate) => candidate.eld !== undefined);
    if (eld && eldCandidates.length > 0) {
      const scores = eld.evidence(own);
      const ngrams = Math.max(1, Buffer.byteLength(own.replace(/[^\p{L}\p{M}]+/gu, ''), 'utf8') / 3);
      const values = eldCandidates.map((candidate) => scores.get(candidate.eld!) ?? 0);
      const best = Math.max(...values);
      if (best > 0) {
        eldCandidates.forEach((candidate, i) => add(candidate.iso6393, weights.eld * (values[i]! - best) * ngrams));
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        for (const candidate of candidates) {
          if (candidate.eld !== undefined) continue;
          const proxy = candidate.profile?.eldProxy;
          if (proxy !== undefined && weights.eldProxy > 0) {
            add(candidate.iso6393, weights.eld * weights.eldProxy * (Math.min(best, scores.get(proxy) ?? 0) - best) * ngrams);
          } else {
            add(candidate.iso6393, weights.eld * weights.eldUnknown * (mean - best) * ngrams);
          }
        }
      }
    }

    // Alphabets: letters a language does not use count against it; a long text without
    // any of a language's marker letters counts against it too.
    const profiled = candidates.filter((candidate) => candidate.profile);
    if (profiled.length > 0) {
      const letterCounts = new Map<string, number>();
      let letters = 0;
      const lower = own.toLowerCase();
      for (const char of lower) {
        if (!isLetter.test(char)) continue;
        letters += 1;
        letterCounts.set(char, (letterCounts.get(char) ?? 0) + 1);
      }
      const known = unionOfAlphabets(profiled.map((candidate) => candidate.profile!));
      for (const candidate of profiled) {
        const profile = candidate.profile!;
        let markers = 0;
        for (const [char, count] of letterCounts) {
          if (known.has(char) && !profile.alphabet.includes(char)) {
            add(candidate.iso6393, -weights.foreignLetter * Math.min(count, weights.foreignLetterCap));
          }
          if (profile.rareLetters?.includes(char)) add(candidate.iso6393, -weights.rareLetter * Math.min(count, weights.foreignLetterCap));
          if (profile.markers?.letters.includes(char)) markers += count;
        }
        if (profile.markers) add(candidate.iso6393, weights.markerAbsence * (letters - markers) * Math.log(1 - profile.markers.rate));
        if (profile.patterns) add(candidate.iso6393, weights.pattern * (lower.match(patternOf(profile)) ?? []).length);
      }
    }
  }

  // Softmax over the evidence.
  const entries = [...evidence.entries()];
  const top = Math.max(...entries.map(([, value]) => value));
  const exps = entries.map(([code, value]) => [code, Math.exp((value - top) / weights.temperature)] as const);
  const total = exps.reduce((sum, [, value]) => sum + value, 0);
  const ranked: LanguageCandidate[] = exps
    .map(([iso6393, value]) => ({ iso6393, score: value / total }))
    .sort((a, b) => b.score - a.score || a.iso6393.localeCompare(b.iso6393));
  const first = ranked[0]!;
  const second = ranked[1];
  const listed = ranked.slice(0, options.maxCandidates).map((candidate) => ({ iso6393: candidate.iso6393, score: round(candidate.score) }));
  if (second !== undefined && first.score - second.score < options.minMargin) {
    return und(`too close to call: ${first.iso6393} ${first.score.toFixed(2)} vs ${second.iso6393} ${second.score.toFixed(2)}`, script, listed);
  }
  return { iso6393: first.iso6393, bcp47: toBcp47(first.iso6393, script), script, confidence: round(first.score), candidates: listed };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
