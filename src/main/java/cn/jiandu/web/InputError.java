package cn.jiandu.web;

/**
 * One thing wrong with a request: the field (or CSV column), and for imports the line
 * of the file it is on (the header is line 1).
 */
public record InputError(Integer line, String field, String message) {

    public static InputError of(String field, String message) {
        return new InputError(null, field, message);
    }
}
