package dev.gatehouse.store;

/** A storage failure. Subclasses name the failures callers act on. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
