// The shared conformance suite: the scenarios every connector must pass against its platform's
// emulator over real HTTP, using only the Channel interface and the /__emulator/ control routes.
// A platform file calls defineChannelConformance({ platform, startEmulator, createChannel }).
// A scenario is skipped only when the platform lacks the capability (said in the skip reason).
import type { ConformanceTarget } from './conformance-support.ts';
import { demoStoreScenarios } from './scenarios/demo-store.ts';
import { emptyStoreScenarios } from './scenarios/empty-store.ts';
import { generatedCatalogueScenarios } from './scenarios/generated-catalogue.ts';

export { sampleDraft, uniqueSuffix, type ConformanceTarget, type EmulatorLike } from './conformance-support.ts';

export function defineChannelConformance(target: ConformanceTarget): void {
  emptyStoreScenarios(target);
  demoStoreScenarios(target);
  generatedCatalogueScenarios(target);
}
