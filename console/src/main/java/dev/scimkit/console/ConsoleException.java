package dev.scimkit.console;

/** A page that cannot be shown, with the status to answer and a message safe to show. */
final class ConsoleException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    ConsoleException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ConsoleException notFound(String message) {
        return new ConsoleException(404, message);
    }

    int status() {
        return status;
    }
}
