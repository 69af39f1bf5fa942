/**
 * The control functions tests use to set the stage (shops, catalogs, faults, time, webhooks) and to
 * look at the result (snapshots, stats), as a typed Java API. The /_sim/ HTTP routes map onto it.
 */
package dev.neanelu.simulator.control;
