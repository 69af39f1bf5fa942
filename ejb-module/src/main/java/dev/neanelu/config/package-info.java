/**
 * Start-up configuration policy: which settings are secrets that production cannot start without. Values are read
 * through MicroProfile Config (environment, then server.xml variables); components inject what they use.
 */
package dev.neanelu.config;
