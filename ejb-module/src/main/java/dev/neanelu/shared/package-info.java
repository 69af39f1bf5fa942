/** Small types every feature package uses; no feature logic. */
package dev.neanelu.shared;
