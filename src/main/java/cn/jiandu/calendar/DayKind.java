package cn.jiandu.calendar;

/** What the calendar says about a day that does not follow the plain Monday-to-Friday rule. */
enum DayKind {
    /** 法定节假日: not a working day, whatever weekday it falls on. */
    HOLIDAY("法定节假日"),
    /** 调休上班: a Saturday or Sunday that is worked. */
    WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
