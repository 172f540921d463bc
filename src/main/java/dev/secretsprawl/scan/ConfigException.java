package dev.secretsprawl.scan;

/** A configuration, baseline or option the user must fix; the message says what and where. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
