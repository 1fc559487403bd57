package dev.gwc.edit;

/** An edit that cannot be made as asked; the message says why, for the user. */
public final class EditException extends Exception {
  private static final long serialVersionUID = 1L;

  public EditException(String message) {
    super(message);
  }
}
