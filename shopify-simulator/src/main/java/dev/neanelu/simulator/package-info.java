/**
 * The Shopify Admin API simulator: its public entry points ({@link
 * dev.neanelu.simulator.ShopifySimulator}, {@link dev.neanelu.simulator.SimulatorOptions}, {@link
 * dev.neanelu.simulator.ShopSpec}, {@link dev.neanelu.simulator.Main}) and the wiring of its
 * services. Test and demo tool only; production code never depends on it.
 */
package dev.neanelu.simulator;
