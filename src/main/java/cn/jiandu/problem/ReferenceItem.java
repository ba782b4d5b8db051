package cn.jiandu.problem;

/** A source channel or a category: its code and its Chinese name. */
public record ReferenceItem(String code, String name) {
}
