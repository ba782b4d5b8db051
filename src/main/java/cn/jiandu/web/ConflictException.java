package cn.jiandu.web;

/** The request contradicts the current state, e.g. creating what already exists: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
