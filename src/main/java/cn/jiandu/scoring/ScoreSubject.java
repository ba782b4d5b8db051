package cn.jiandu.scoring;

import java.util.Locale;
import java.util.Optional;

/** Whose scores a ranking lists: the units' (单位积分) or the officers' (民警积分). */
public enum ScoreSubject {
    UNIT("单位"),
    OFFICER("民警");

    private final String label;

    ScoreSubject(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** unit or officer, in any case; empty for anything else. */
    public static Optional<ScoreSubject> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "unit" -> Optional.of(UNIT);
            case "officer" -> Optional.of(OFFICER);
            default -> Optional.empty();
        };
    }
}
