package cn.jiandu.intake;

/** What a call back (回访) heard: the form's {@code callbackOutcome}. */
public enum CallbackOutcome {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意"),
    UNREACHABLE("联系不上");

    private final String label;

    CallbackOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the complainant was reached (联系上). */
    public boolean reached() {
        return this != UNREACHABLE;
    }
}
