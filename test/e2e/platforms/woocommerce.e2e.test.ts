// The shared engine scenarios against the woocommerce emulator over real HTTP.
import { defineEngineScenarios } from './engine-scenarios.ts';
import { woocommerceTarget } from './woocommerce-target.ts';

defineEngineScenarios(woocommerceTarget);
