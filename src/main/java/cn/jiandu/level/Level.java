package cn.jiandu.level;

/** The warning level of a problem (三色预警). */
public enum Level {
    BLUE("蓝色"),
    YELLOW("黄色"),
    RED("红色");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** One level up; red stays red. */
    public Level next() {
        return this == BLUE ? YELLOW : RED;
    }
}
