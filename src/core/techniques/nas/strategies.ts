/**
 * Search strategies as ask/tell generators: the driver asks for the next architecture, evaluates it
 * however it likes (constraint filter, short training) and tells the result back. That keeps the
 * strategies pure and lets a search stop at any moment with everything evaluated so far.
 */
import { mutate } from './mutate';
import { createRng, type Rng } from './rng';
import { genotypeAt, sampleGenotype, spaceSize, type Genotype, type SearchSpace } from './space';

export type StrategyName = 'random' | 'evolution' | 'grid';

export interface Proposal {
  genotype: Genotype;
  /** How the strategy made it: "random", "grid", or "mutation: width of block 2" etc. */
  origin: string;
}

export interface SearchStrategy {
  readonly name: StrategyName;
  /** The next architecture to evaluate, or null when the strategy has nothing left (grid done). */
  ask(): Proposal | null;
  /** The fitness (proxy accuracy) of an asked architecture, or null if the constraint filter rejected it. */
  tell(p: Proposal, fitness: number | null): void;
}

export interface EvolutionOptions {
  /** Population size P (the oldest member dies when a child joins a full population). */
  population: number;
  /** Tournament size S: the parent is the fittest of S members drawn at random. */
  sampleSize: number;
}

/** Defaults sized for a 20-candidate budget: 8 random founders, then 12 children. */
export const DEFAULT_EVOLUTION: EvolutionOptions = { population: 8, sampleSize: 3 };

/** Grid search refuses spaces larger than this: enumerating them in order would only see a corner. */
export const GRID_LIMIT = 1000;

export function randomSearch(space: SearchSpace, seed: number): SearchStrategy {
  const rng = createRng(seed);
  return {
    name: 'random',
    ask: () => ({ genotype: sampleGenotype(rng, space), origin: 'random' }),
    tell: () => {},
  };
}

export function gridSearch(space: SearchSpace): SearchStrategy {
  const size = spaceSize(space);
  if (size > GRID_LIMIT) {
    throw new RangeError(`grid search needs a space of at most ${GRID_LIMIT} architectures; this one has ${size}`);
  }
  let next = 0;
  return {
    name: 'grid',
    ask: () => (next < size ? { genotype: genotypeAt(next++, space), origin: 'grid' } : null),
    tell: () => {},
  };
}

interface Member {
  genotype: Genotype;
  fitness: number;
}

/**
 * Regularized (aging) evolution, Real et al. 2019, "Regularized Evolution for Image Classifier
 * Architecture Search": fill the population with random architectures, then repeatedly pick the
 * fittest of S random members, mutate it once, add the child and remove the OLDEST member (not the
 * worst). Aging keeps re-testing good genes through their descendants instead of trusting one lucky
 * noisy evaluation forever. Rejected (over-budget) children never join the population.
 */
export function evolutionSearch(space: SearchSpace, seed: number, opts: EvolutionOptions = DEFAULT_EVOLUTION): SearchStrategy {
  if (opts.population < 1 || opts.sampleSize < 1) throw new RangeError('population and sample size must be at least 1');
  // The founders come from the same stream random search uses, so with the same seed evolution starts
  // from exactly the architectures random search sees first: a fair comparison on one budget.
  const founders: Rng = createRng(seed);
  const rng: Rng = createRng(seed ^ 0x9e3779b9);
  const population: Member[] = [];
  return {
    name: 'evolution',
    ask() {
      if (population.length < opts.population) return { genotype: sampleGenotype(founders, space), origin: 'random' };
      let parent = population[rng.int(population.length)];
      for (let i = 1; i < opts.sampleSize; i++) {
        const m = population[rng.int(population.length)];
        if (m.fitness > parent.fitness) parent = m;
      }
      const m = mutate(rng, parent.genotype, space);
      const where = m.block === undefined ? '' : ` of block ${m.block + 1}`;
      return { genotype: m.child, origin: `mutation: ${m.kind}${where}` };
    },
    tell(p, fitness) {
      if (fitness === null) return;
      population.push({ genotype: p.genotype, fitness });
      if (population.length > opts.population) population.shift();
    },
  };
}

export function makeStrategy(name: StrategyName, space: SearchSpace, seed: number, evo?: EvolutionOptions): SearchStrategy {
  if (name === 'random') return randomSearch(space, seed);
  if (name === 'grid') return gridSearch(space);
  return evolutionSearch(space, seed, evo);
}
