import { startPhase, type OnProgress, type PhaseProgress } from '../../core/progress.js';

/**
 * The MSE search's `onProgress` (models fitted of all) as a phase of its own, for
 * `estimateMse`'s options; nothing without a callback.
 */
export function mseProgress(
  onProgress: OnProgress | undefined,
  phase = 'fitting models',
): { onProgress?: (fitted: number, total: number) => void } {
  if (!onProgress) return {};
  let fitting: PhaseProgress | undefined;
  return {
    onProgress: (fitted, total) => {
      fitting ??= startPhase(onProgress, phase, 'models', total);
      if (fitted >= total) fitting.end(total);
      else fitting.tick(fitted);
    },
  };
}
