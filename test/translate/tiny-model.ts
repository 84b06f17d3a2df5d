/** Test helper: the tiny model generated into a temp models directory and installed (manifest written). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyModel, TINY_MODEL_ID } from '../fixtures/tiny-model/generate.js';
import { writeManifest } from '../../src/translate/index.js';

export { TINY_MODEL_ID };

export interface TinyModelDir {
  /** The models directory holding the installed tiny model. */
  modelsDir: string;
  /** The tiny model's folder. */
  modelDir: string;
  /** A scratch folder beside it (cache, copies). */
  scratch: string;
  cleanup(): Promise<void>;
}

/** Generate the tiny model and install it under a fresh temp models directory. */
export async function installTinyModel(): Promise<TinyModelDir> {
  const root = await mkdtemp(join(tmpdir(), 'transnorm-tiny-'));
  const modelsDir = join(root, 'models');
  const modelDir = join(modelsDir, TINY_MODEL_ID);
  await writeTinyModel(modelDir);
  await writeManifest(modelDir, { id: TINY_MODEL_ID, source: 'test/fixtures/tiny-model/generate.ts', pairs: ['ru-en'], dtype: 'fp32' });
  const scratch = join(root, 'scratch');
  return { modelsDir, modelDir, scratch, cleanup: () => rm(root, { recursive: true, force: true }) };
}
