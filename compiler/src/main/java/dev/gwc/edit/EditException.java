package dev.gwc.edit;

/** An edit that cannot be made as asked; the message says why, for the user. */
public final class EditException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The 1-based line the message is about, or 0 for the object as a whole. */
  private final int line;

  public EditException(String message) {
    this(0, message);
  }

  public EditException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line the message is about, or 0 for the object as a whole. */
  public int line() {
    return line;
  }
}
