import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LcmcrRequest, LcmcrResult } from '../../../contract/index.js';
import { AppError } from '../../core/app-error.js';
import { LCMCR_DEFAULTS, lcmcrInput } from '../../estimation/index.js';
import { DEFAULT_CHAINS, runLcmcrChains } from './lcmcr-chains.js';
import type { RunQueue } from './lcmcr-queue.js';

// Sweeps a request may ask for in all chains together: the defaults are 440,000.
const MAX_SWEEPS = 2_000_000;

export function lcmcrRoutes(app: FastifyInstance, queue: RunQueue): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/estimates/lcmcr',
    {
      // An aggregate in, an aggregate out; analysts only because a run holds both cores.
      config: { access: 'analyst' },
      schema: {
        tags: ['estimates'],
        summary:
          'Bayesian latent-class multiple systems estimation (LCMCR) from a list-overlap table',
        body: LcmcrRequest,
        response: { 200: LcmcrResult },
      },
    },
    async (req) => {
      const { lists, data } = lcmcrInput(req.body);
      const s = req.body.settings;
      const { burnin, samples, thin } = { ...LCMCR_DEFAULTS, ...s };
      const sweeps = (s.chains ?? DEFAULT_CHAINS) * (burnin + samples * thin);
      if (sweeps > MAX_SWEEPS)
        throw new AppError(
          'invalid_input',
          `chains × (burnin + samples × thin) is ${sweeps.toLocaleString('en')} sweeps; at most ${MAX_SWEEPS.toLocaleString('en')} run on the server: lower them, or run \`polon estimate lcmcr\` on your own machine`,
        );
      return queue.run(() => runLcmcrChains(lists, data, s));
    },
  );
}
