package cn.jiandu.problem;

/**
 * A channel (问题来源, 监督渠道) as table ref_source holds it: its code, Chinese name and kind,
 * whether new problems may name it ({@code active}) and whether its complainants are called
 * back ({@code callback}). Inactive channels stay, so old problems keep their names.
 */
public record Channel(String code, String name, SourceKind kind, boolean active, boolean callback) {

    /**
     * 规则预警: the channel of the problems the detection rules open. The system's own, so it
     * can be renamed but never deactivated (rule runs would stop opening problems).
     */
    public static final String RULE_WARNING = "RULE_WARNING";
}
