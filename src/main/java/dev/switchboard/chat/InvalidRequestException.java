package dev.switchboard.chat;

/**
 * The caller's request cannot be served as sent. Always a 4xx naming the parameter; never reaches a provider.
 *
 * @see dev.switchboard.api.ErrorMappers
 */
public class InvalidRequestException extends RuntimeException {

    private final int status;
    private final String param;
    private final String code;

    public InvalidRequestException(String param, String message) {
        this(400, param, message, "invalid_request");
    }

    public InvalidRequestException(int status, String param, String message, String code) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
