/**
 * eld (Efficient Language Detector, Apache-2.0) as a second opinion next to franc.
 * eld's byte n-gram model is much stronger than franc's UDHR trigrams on short text,
 * but it knows only 60 languages (not Kazakh, Kyrgyz, Uzbek or Tajik), so the detector
 * uses it to separate the languages it knows and lets franc and the alphabet rules
 * speak for the rest. The medium database loads in about a second, so it is imported
 * lazily, once per process, the first time a detection needs it.
 */

/** The part of eld the detector uses. */
export interface EldModel {
  /** Raw n-gram evidence per eld language code (ISO 639-1), higher is better; empty when nothing matched. */
  evidence(text: string): Map<string, number>;
  /** eld's language codes. */
  readonly languages: ReadonlySet<string>;
}

interface EldInstance {
  detect(text: string): { language: string; getScores(): Record<string, number> };
  info(): { Languages: Record<number, string> };
}

let loading: Promise<EldModel> | undefined;

/** The eld model (loaded on first call; later calls share it: the model is read-only). */
export function loadEld(): Promise<EldModel> {
  loading ??= import('eld/medium').then((module) => wrap(module.eld as unknown as EldInstance));
  return loading;
}

/** eld scales a raw per-n-gram score s to s / (s + 25); undo that to get additive evidence. */
const ELD_SCALE = 25;

function wrap(instance: EldInstance): EldModel {
  const languages = new Set(Object.values(instance.info().Languages));
  return {
    languages,
    evidence(text) {
      const result = instance.detect(text);
      const out = new Map<string, number>();
      if (result.language === '') return out;
      for (const [code, scaled] of Object.entries(result.getScores())) {
        if (scaled > 0 && scaled < 1) out.set(code, (ELD_SCALE * scaled) / (1 - scaled));
      }
      return out;
    },
  };
}
