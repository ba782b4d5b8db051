package cn.jiandu.problem;

import java.util.Optional;

/**
 * What a talk or an interview decided for the people responsible (处理意见), mildest first.
 * The codes are the values of the forms' select {@code accountability}.
 */
public enum Accountability {
    TALK_REMINDER("谈话提醒"),
    CRITICISM("批评教育"),
    WRITTEN_REVIEW("责令书面检查"),
    CIRCULATED_CRITICISM("通报批评"),
    ACCOUNTABILITY("追责问责");

    private final String label;

    Accountability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome of a code, exactly as the form sends it; empty for anything else. */
    public static Optional<Accountability> parse(String code) {
        for (Accountability a : values()) {
            if (a.name().equals(code)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
