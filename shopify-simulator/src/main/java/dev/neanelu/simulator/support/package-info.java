/** Small shared helpers: the one Jackson mapper and HMAC-SHA256 encodings. No domain logic. */
package dev.neanelu.simulator.support;
