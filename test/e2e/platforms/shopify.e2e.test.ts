// The shared engine scenarios against the shopify emulator over real HTTP.
import { defineEngineScenarios } from './engine-scenarios.ts';
import { shopifyTarget } from './shopify-target.ts';

defineEngineScenarios(shopifyTarget);
