package cn.jiandu.problem;

/**
 * The kind of a channel (问题来源): where its problems come from. The channels themselves are
 * data (table ref_source, {@link Channel}); the kind is what code may rely on.
 */
public enum SourceKind {
    HOTLINE("热线"),
    MAILBOX("信箱与来信"),
    VISIT("来访"),
    ONLINE("网上渠道"),
    INTERNAL("内部监督"),
    JUDICIAL("司法监督"),
    MEDIA("媒体舆情"),
    OTHER("其他");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    /** The kind's name in Chinese. */
    public String label() {
        return label;
    }

    /**
     * Whether a channel of this kind calls its complainants back unless the administrator says
     * otherwise: the public's channels do, internal and judicial supervision do not.
     */
    public boolean callsBackByDefault() {
        return switch (this) {
            case HOTLINE, MAILBOX, VISIT, ONLINE, MEDIA -> true;
            case INTERNAL, JUDICIAL, OTHER -> false;
        };
    }
}
