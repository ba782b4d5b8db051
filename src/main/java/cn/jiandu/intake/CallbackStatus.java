package cn.jiandu.intake;

/** Where an intake's call back (回访) stands (intake.callback_status, see V20). */
public enum CallbackStatus {
    NONE("无需回访"),
    WAITING("待问题办结"),
    PENDING("待回访"),
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意（待复核）"),
    EXPLAINED("已解释"),
    REOPENED("已重新整改"),
    UNREACHABLE("无法联系");

    private final String label;

    CallbackStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
