/** The page's estimate from its settings, and the same model on every i.MX part for the comparison table. */
import { useMemo } from 'react';
import { GENAI_PARTS, MODEL_SHAPES, estimateLlm, findGenAiPart, nearestShape, type GenAiEstimate, type WeightBits } from '../../core/genai';

export interface GenAiSettings {
  gParams: number;
  gBits: '16' | '8' | '4';
  gContext: number;
  gTarget: string;
  gEngine: 'cpu' | 'npu';
  gShape: string;
}

export function useGenAi(s: GenAiSettings): { current: GenAiEstimate; all: GenAiEstimate[] } {
  return useMemo(() => {
    const shape = MODEL_SHAPES.find((m) => m.id === s.gShape) ?? nearestShape(s.gParams);
    const input = { paramsB: s.gParams, weightBits: Number(s.gBits) as WeightBits, contextTokens: s.gContext, engine: s.gEngine, shape };
    const part = findGenAiPart(s.gTarget) ?? GENAI_PARTS[GENAI_PARTS.length - 1];
    return { current: estimateLlm(part, input), all: GENAI_PARTS.map((p) => estimateLlm(p, input)) };
  }, [s.gParams, s.gBits, s.gContext, s.gTarget, s.gEngine, s.gShape]);
}
