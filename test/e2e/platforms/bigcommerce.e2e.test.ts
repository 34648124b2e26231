// The shared engine scenarios against the bigcommerce emulator over real HTTP.
import { defineEngineScenarios } from './engine-scenarios.ts';
import { bigcommerceTarget } from './bigcommerce-target.ts';

defineEngineScenarios(bigcommerceTarget);
