package cn.jiandu.problem;

/** A category (问题类别): its code and its Chinese name. Channels are {@link Channel}s. */
public record ReferenceItem(String code, String name) {
}
