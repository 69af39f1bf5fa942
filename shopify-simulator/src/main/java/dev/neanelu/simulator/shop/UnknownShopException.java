package dev.neanelu.simulator.shop;

/** A request named a shop the simulator does not have; the HTTP layer answers 404. */
public final class UnknownShopException extends RuntimeException {

  public UnknownShopException(String name) {
    super("unknown shop: " + name);
  }
}
