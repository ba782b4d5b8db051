package cn.jiandu.problem;

/**
 * A channel (问题来源, 监督渠道) as table ref_source holds it: its code, Chinese name and kind,
 * whether new problems may name it ({@code active}) and whether its complainants are called
 * back ({@code callback}). Inactive channels stay, so old problems keep their names.
 */
public record Channel(String code, String name, SourceKind kind, boolean active, boolean callback) {
}
