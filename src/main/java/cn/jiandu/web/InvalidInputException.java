package cn.jiandu.web;

import java.util.List;

/** Bad input: answered with HTTP 400 listing every error; nothing was changed. */
public class InvalidInputException extends RuntimeException {

    private final transient List<InputError> errors;

    public InvalidInputException(List<InputError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(InputError.of(field, message)));
    }

    public List<InputError> errors() {
        return errors;
    }

    private static String summary(List<InputError> errors) {
        if (errors.isEmpty()) {
            return "输入有误";
        }
        InputError first = errors.get(0);
        String where = first.line() == null ? first.field() : "第" + first.line() + "行 " + first.field();
        String more = errors.size() > 1 ? "（共" + errors.size() + "处错误）" : "";
        return where + ": " + first.message() + more;
    }
}
